/**
 * A real n8n (from npm) for the end-to-end tests and `npm run dev`, and n8n's own nodes
 * (n8n-nodes-base) for the demo and the benchmarks: installed on demand into a cache folder outside
 * the package's dependencies (~/.cache/n8n-nodes-orange, or $N8N_E2E_CACHE), reused when present —
 * by every clone on the machine. `N8N_VERSION` picks the n8n: see n8nRuntime.ts.
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
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { sandboxCredentialData } from '../sandbox/client.ts';
import { ensureRuntime } from './n8nInstall.ts';
import { CACHE, DEFAULT_N8N_VERSION, freePorts, n8nRuntime, ROOT } from './n8nRuntime.ts';

export { freePorts, ROOT };

/** The n8n that `N8N_VERSION` selects. */
export const N8N = n8nRuntime(process.env.N8N_VERSION || DEFAULT_N8N_VERSION);
export const N8N_VERSION = N8N.version;
export const N8N_HOME = N8N.home;
export const N8N_BIN = N8N.bin;
/** The Node binary n8n runs on: spawn n8n with it. */
export const N8N_NODE = N8N.node;
/** The n8n-nodes-base that n8n ${DEFAULT_N8N_VERSION} ships. */
export const NODES_BASE_VERSION = '2.40.2';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Installs the selected n8n once (several minutes, about 3 GB) and checks that it works; later
 * calls return at once. Throws one line naming what is broken.
 */
export function ensureN8n(log: (line: string) => void = console.log): string {
	ensureRuntime(N8N, cliFor(N8N), log);
	return N8N_BIN;
}

/**
 * The folder holding n8n-nodes-base: the real n8n's own copy when it is installed, else n8n-nodes-base
 * alone (about a minute and 0.8 GB the first time, without n8n's server).
 */
export function ensureNodesBase(log: (line: string) => void = console.log): string {
	// The default n8n's own copy: n8n-core 2.x runs these nodes, whichever n8n the e2e suite tests.
	const n8nHome = n8nRuntime(DEFAULT_N8N_VERSION).home;
	if (existsSync(join(n8nHome, '.installed')))
		return join(n8nHome, 'node_modules', 'n8n-nodes-base');
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
	const staging = mkdtempSync(join(userFolder, 'import-'));
	for (const file of files) {
		writeFileSync(
			join(staging, file.split('/').pop()!),
			readWorkflow(file, filesFolder(userFolder)),
		);
	}
	// One CLI call for the whole folder: each call starts n8n (seconds).
	const result = n8n(userFolder, ['import:workflow', '--separate', `--input=${staging}`]);
	if (result.status !== 0)
		throw new Error(`import:workflow of ${files.join(', ')} failed: ${result.stderr}`);
}

export function n8nEnvironment(
	userFolder: string,
	extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
	// Not n8n's: this repository's choice of n8n, and npm's settings from the calling script.
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => key !== 'N8N_VERSION' && !/^npm_/i.test(key)),
	);
	return {
		...inherited,
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

export interface CliResult {
	status: number;
	stdout: string;
	stderr: string;
}

/** One CLI command of an n8n, on its Node, with free ports; `extra`: another database, say. */
export function cliFor(runtime: typeof N8N) {
	return (userFolder: string, args: string[], extra: Record<string, string> = {}): CliResult => {
		const result = spawnSync(runtime.node, [runtime.bin, ...args], {
			env: n8nEnvironment(userFolder, { ...freePorts(), ...extra }),
			encoding: 'utf8',
			maxBuffer: 256 * 1024 * 1024,
		});
		return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
	};
}

/** One CLI command of the selected n8n. */
export const n8n = cliFor(N8N);

/**
 * The run `n8n execute --rawOutput` printed (JSON, indented, from a line `{` to a line `}`), and
 * whatever n8n printed after it (a log line of its shutdown, at times), or undefined if none.
 */
export function executedRun<Run>(stdout: string): { run: Run; after: string } | undefined {
	const start = stdout.search(/^\{$/m);
	if (start < 0) return undefined;
	const end = stdout.slice(start).search(/^\}$/m);
	if (end < 0) return undefined;
	const json = stdout.slice(start, start + end + 1);
	return { run: JSON.parse(json) as Run, after: stdout.slice(start + end + 1).trim() };
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
