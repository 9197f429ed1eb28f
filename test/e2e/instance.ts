/**
 * A fresh n8n user folder with the packed package installed as n8n installs community packages,
 * the sandbox running, sandbox credentials and the example and e2e workflows imported.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	ensureN8n,
	filesFolder,
	importWorkflows,
	installPackedPackage,
	n8n,
	N8N_BIN,
	n8nEnvironment,
	ROOT,
	sandboxCredentials,
} from '../../scripts/n8n.ts';

export { sandboxCredentials };

export interface Instance {
	userFolder: string;
	/** Where the example workflows write their files. */
	filesFolder: string;
	sandboxUrl: string;
	/** Imported workflows by file name. */
	workflows: Record<string, { id: string; name: string }>;
	stop: () => void;
}

export async function prepareInstance(): Promise<Instance> {
	ensureN8n();
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-orange-e2e-'));
	installPackedPackage(userFolder);

	const sandbox: ChildProcess = spawn(
		process.execPath,
		[join(ROOT, 'sandbox/cli.ts'), '--port', '0'],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	const sandboxUrl = await new Promise<string>((resolve) => {
		sandbox.stdout!.on('data', (chunk: Buffer) => {
			const match = /Orange sandbox on (\S+)/.exec(chunk.toString());
			if (match) resolve(match[1]);
		});
	});

	const credentialsFile = join(userFolder, 'credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(sandboxCredentials(sandboxUrl)));
	const imported = n8n(userFolder, ['import:credentials', `--input=${credentialsFile}`]);
	if (imported.status !== 0) throw new Error(`import:credentials failed: ${imported.stderr}`);

	const workflows: Instance['workflows'] = {};
	for (const folder of ['examples', 'test/e2e/workflows']) {
		const files = readdirSync(join(ROOT, folder)).filter((f) => f.endsWith('.workflow.json'));
		importWorkflows(
			userFolder,
			files.map((file) => join(ROOT, folder, file)),
		);
		for (const file of files) {
			const { id, name } = JSON.parse(readFileSync(join(ROOT, folder, file), 'utf8')) as {
				id: string;
				name: string;
			};
			workflows[file] = { id, name };
		}
	}
	return {
		userFolder,
		filesFolder: filesFolder(userFolder),
		sandboxUrl,
		workflows,
		stop: () => sandbox.kill(),
	};
}

export interface Server {
	/** http://127.0.0.1:<port> */
	base: string;
	stop: () => void;
}

/** `n8n start` on a free port for an instance; resolves once its REST API answers. */
export async function startN8n(instance: Instance): Promise<Server> {
	const port = 20_000 + Math.floor(Math.random() * 20_000);
	const base = `http://127.0.0.1:${port}`;
	const server = spawn(process.execPath, [N8N_BIN, 'start'], {
		env: n8nEnvironment(instance.userFolder, {
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(port + 1),
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'warn',
		}),
		stdio: 'ignore',
	});
	for (let i = 0; i < 240; i++) {
		try {
			// Up once the REST API answers JSON (the UI answers earlier).
			const response = await fetch(`${base}/rest/settings`);
			if (response.ok && (response.headers.get('content-type') ?? '').includes('json'))
				return { base, stop: () => server.kill('SIGTERM') };
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	server.kill('SIGTERM');
	throw new Error('n8n did not start');
}

/**
 * Waits until a published workflow's production webhook is registered. `n8n start` answers HTTP
 * before it activates published workflows, so a call made at once can get a 404. A CORS preflight
 * names the path without running the workflow: n8n answers 204 once the path is registered.
 */
export async function waitForWebhook(server: Server, path: string, method = 'POST'): Promise<void> {
	let last = '';
	for (let i = 0; i < 120; i++) {
		const response = await fetch(`${server.base}/webhook/${path}`, {
			method: 'OPTIONS',
			headers: { Origin: server.base, 'Access-Control-Request-Method': method },
		});
		if (response.status === 204) return;
		last = `${response.status} ${await response.text()}`;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`The webhook ${method} /webhook/${path} was never registered: ${last}`);
}
