/**
 * A real n8n (2.x, from npm) for the end-to-end tests and `npm run dev`: installed on demand into a
 * cache folder outside the package's dependencies (~/.cache/n8n-nodes-orange, or $N8N_E2E_CACHE),
 * reused when present — by every clone on the machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { sandboxCredentialData } from '../sandbox/client.ts';

export const N8N_VERSION = '2.40.7';
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const N8N_HOME = join(
	process.env.N8N_E2E_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-orange'),
	`n8n-${N8N_VERSION}`,
);
export const N8N_BIN = join(N8N_HOME, 'node_modules', 'n8n', 'bin', 'n8n');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Installs n8n once (about 5 minutes and 2.8 GB); later calls return at once. */
export function ensureN8n(log: (line: string) => void = console.log): string {
	if (existsSync(N8N_BIN) && existsSync(join(N8N_HOME, '.installed'))) return N8N_BIN;
	mkdirSync(N8N_HOME, { recursive: true });
	writeFileSync(
		join(N8N_HOME, 'package.json'),
		JSON.stringify({ name: 'n8n-e2e-runtime', private: true }),
	);
	log(`Installing n8n ${N8N_VERSION} into ${N8N_HOME} (once, a few minutes)…`);
	// --ignore-scripts: a dependency's build (kafka) fails here; sqlite3 is then rebuilt alone.
	execFileSync(
		npm,
		['install', '--ignore-scripts', '--no-audit', '--no-fund', `n8n@${N8N_VERSION}`],
		{ cwd: N8N_HOME, stdio: 'inherit' },
	);
	execFileSync(npm, ['rebuild', 'sqlite3'], { cwd: N8N_HOME, stdio: 'inherit' });
	writeFileSync(join(N8N_HOME, '.installed'), N8N_VERSION);
	return N8N_BIN;
}

export function n8nEnvironment(
	userFolder: string,
	extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
	return {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'n8n-nodes-orange-e2e-only',
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		// `n8n execute` prints its run at info level.
		N8N_LOG_LEVEL: 'info',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// Under a test runner NODE_ENV is 'test', and n8n then silences its logger (and its output).
		NODE_ENV: 'production',
		...extra,
	};
}

/** One n8n CLI command (n8n needs Node 24: the one this process runs on). */
export function n8n(
	userFolder: string,
	args: string[],
): { status: number; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, [N8N_BIN, ...args], {
		env: n8nEnvironment(userFolder),
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
	});
	return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Installs a packed tarball of this package into n8n's community-nodes folder, as n8n does. */
export function installPackage(userFolder: string, tarball: string): void {
	const nodes = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodes, { recursive: true });
	writeFileSync(
		join(nodes, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }),
	);
	execFileSync(
		npm,
		[
			'install',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--install-strategy=shallow',
			'--package-lock=false',
			tarball,
		],
		{
			cwd: nodes,
			stdio: 'pipe',
		},
	);
}

/** The two credentials, pointing at a sandbox, as `n8n import:credentials` takes them. */
export function sandboxCredentials(sandboxUrl: string) {
	return [
		{
			id: 'orangeCloudStoreSandbox',
			name: 'Orange Cloud Store (sandbox)',
			type: 'orangeCloudStoreApi',
			data: sandboxCredentialData(sandboxUrl).orangeCloudStoreApi,
		},
		{
			id: 'orangeEligibilitySandbox',
			name: 'Orange Eligibility (sandbox)',
			type: 'orangeEligibilityApi',
			data: sandboxCredentialData(sandboxUrl).orangeEligibilityApi,
		},
	];
}
