/**
 * Before the end-to-end files: the selected n8n installed and checked, once (a broken install is
 * reported here, in one line, instead of failing every file). After them: any process a file
 * started and could not stop (its worker killed on a timeout) is stopped.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureN8n, N8N_NODE, N8N_VERSION } from '../../scripts/n8n.ts';
import { execFileSync } from 'node:child_process';

export default function setup(): () => void {
	const started = performance.now();
	ensureN8n();
	const node = execFileSync(N8N_NODE, ['--version'], { encoding: 'utf8' }).trim();
	console.log(
		`n8n ${N8N_VERSION} on Node ${node}: ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
	);
	const pids = mkdtempSync(join(tmpdir(), 'n8n-orange-e2e-pids-'));
	process.env.N8N_ORANGE_E2E_PIDS = pids;
	return () => {
		for (const pid of readdirSync(pids).map(Number)) {
			try {
				process.kill(pid, 'SIGKILL');
				console.warn(`Stopped process ${pid}, left running by an end-to-end file`);
			} catch {
				// already gone
			}
		}
		rmSync(pids, { recursive: true, force: true });
	};
}
