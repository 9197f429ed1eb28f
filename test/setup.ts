// n8n-core reads its configuration from the environment when first loaded: set it before.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-orange-test-'));
process.env.N8N_LOG_LEVEL ??= 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
process.env.N8N_ENCRYPTION_KEY ??= 'n8n-nodes-orange-tests';
