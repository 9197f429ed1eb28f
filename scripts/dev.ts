/**
 * `npm run dev`: n8n's editor on http://localhost:5678 with this package installed (packed and
 * installed as n8n installs community packages), the Orange sandbox running, sandbox credentials
 * and the example workflows already imported. Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox } from '../sandbox/server.ts';
import {
	ensureN8n,
	freePorts,
	importWorkflows,
	installPackedPackage,
	n8n,
	N8N_BIN,
	N8N_NODE,
	n8nEnvironment,
	ROOT,
	sandboxCredentials,
} from './n8n.ts';

const port = Number(process.env.N8N_PORT ?? 5678);
ensureN8n();
const userFolder = join(ROOT, '.cache', 'dev-user');
rmSync(join(userFolder, '.n8n', 'nodes'), { recursive: true, force: true });
mkdirSync(userFolder, { recursive: true });

installPackedPackage(userFolder);

const sandbox = await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 8790) });
const credentials = join(userFolder, 'sandbox-credentials.json');
writeFileSync(credentials, JSON.stringify(sandboxCredentials(sandbox.url)));
n8n(userFolder, ['import:credentials', `--input=${credentials}`]);
importWorkflows(
	userFolder,
	readdirSync(join(ROOT, 'examples')).map((file) => join(ROOT, 'examples', file)),
);

console.log(
	`Orange sandbox on ${sandbox.url}; n8n on http://localhost:${port} (first visit: create the owner account).`,
);
const editor = spawn(N8N_NODE, [N8N_BIN, 'start'], {
	env: n8nEnvironment(userFolder, {
		N8N_PORT: String(port),
		// Its task runners' broker on a free port: another n8n on this machine may hold 5679.
		N8N_RUNNERS_BROKER_PORT: freePorts().N8N_RUNNERS_BROKER_PORT,
		N8N_LOG_LEVEL: 'info',
	}),
	stdio: 'inherit',
});
const stop = async () => {
	editor.kill('SIGTERM');
	await sandbox.stop();
	process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
