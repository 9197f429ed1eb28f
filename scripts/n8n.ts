/**
 * A real n8n (2.x, from npm) for the end-to-end tests and `npm run dev`, and n8n's own nodes
 * (n8n-nodes-base) for the demo and the benchmarks: installed on demand into a cache folder outside
 * the package's dependencies (~/.cache/n8n-nodes-orange, or $N8N_E2E_CACHE), reused when present —
 * by every clone on the machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { sandboxCredentialData } from '../sandbox/client.ts';

export const N8N_VERSION = '2.40.7';
/** The n8n-nodes-base that n8n ${N8N_VERSION} ships. */
export const NODES_BASE_VERSION = '2.40.2';
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = process.env.N8N_E2E_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-orange');
export const N8N_HOME = join(CACHE, `n8n-${N8N_VERSION}`);
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

/**
 * The folder holding n8n-nodes-base: the real n8n's own copy when it is installed, else n8n-nodes-base
 * alone (about a minute and 0.8 GB the first time, without n8n's server).
 */
export function ensureNodesBase(log: (line: string) => void = console.log): string {
	if (existsSync(join(N8N_HOME, '.installed')))
		return join(N8N_HOME, 'node_modules', 'n8n-nodes-base');
	const home = join(CACHE, `n8n-nodes-base-${NODES_BASE_VERSION}`);
	const folder = join(home, 'node_modules', 'n8n-nodes-base');
	if (existsSync(join(home, '.installed'))) return folder;
	mkdirSync(home, { recursive: true });
	writeFileSync(
		join(home, 'package.json'),
		JSON.stringify({ name: 'n8n-nodes-base-runtime', private: true }),
	);
	log(
		`Installing n8n's own nodes (n8n-nodes-base ${NODES_BASE_VERSION}) into ${home}, once (about a minute)…`,
	);
	execFileSync(
		npm,
		[
			'install',
			'--ignore-scripts',
			'--omit=optional',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
			`n8n-nodes-base@${NODES_BASE_VERSION}`,
		],
		{ cwd: home, stdio: 'inherit' },
	);
	writeFileSync(join(home, '.installed'), NODES_BASE_VERSION);
	return folder;
}

/**
 * Where the example workflows write files. They name n8n's default place for files in its Docker
 * image; here it becomes a folder of the n8n user folder, which n8n is allowed to write to.
 */
export const EXAMPLES_FILES_FOLDER = '/home/node/.n8n-files';

export function filesFolder(userFolder: string): string {
	const folder = join(userFolder, 'files');
	mkdirSync(folder, { recursive: true });
	return folder;
}

/** A workflow file as this machine runs it: its files folder moved to `folder`. */
export function readWorkflow(file: string, folder: string): string {
	return readFileSync(file, 'utf8').replaceAll(EXAMPLES_FILES_FOLDER, folder);
}

/** Imports workflow files into an n8n user folder (their files folder moved into it). */
export function importWorkflows(userFolder: string, files: string[]): void {
	const staging = join(userFolder, 'import');
	mkdirSync(staging, { recursive: true });
	for (const file of files) {
		const copy = join(staging, file.split('/').pop()!);
		writeFileSync(copy, readWorkflow(file, filesFolder(userFolder)));
		const result = n8n(userFolder, ['import:workflow', `--input=${copy}`]);
		if (result.status !== 0) throw new Error(`import:workflow ${file} failed: ${result.stderr}`);
	}
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
		N8N_RESTRICT_FILE_ACCESS_TO: join(userFolder, 'files'),
		...extra,
	};
}

/**
 * One n8n CLI command (n8n needs Node 24: the one this process runs on); `extraEnvironment`: another
 * database, free ports.
 */
export function n8n(
	userFolder: string,
	args: string[],
	extraEnvironment: Record<string, string> = {},
): { status: number; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, [N8N_BIN, ...args], {
		env: n8nEnvironment(userFolder, extraEnvironment),
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
	});
	return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Packs this package (`npm pack`, as published) and installs it into an n8n user folder. */
export function installPackedPackage(userFolder: string): void {
	const packDir = mkdtempSync(join(tmpdir(), 'n8n-orange-pack-'));
	execFileSync(npm, ['pack', '--pack-destination', packDir], { cwd: ROOT, stdio: 'pipe' });
	installPackage(userFolder, join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz'))!));
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
