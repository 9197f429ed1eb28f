/**
 * What n8n-core reads from the environment when it is first loaded: set before importing it
 * (test set-up, demo, benchmarks).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function prepareN8nEnvironment(purpose: string): void {
	process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), `n8n-orange-${purpose}-`));
	process.env.N8N_LOG_LEVEL ??= 'silent';
	process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
	process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
	process.env.N8N_ENCRYPTION_KEY ??= 'n8n-nodes-orange-local-only';
}
