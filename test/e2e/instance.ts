/**
 * A fresh n8n user folder with the packed package installed as n8n installs community packages,
 * the sandbox running, sandbox credentials and the example and e2e workflows imported.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

import {
	ensureN8n,
	filesFolder,
	freePorts,
	importWorkflows,
	installPackedPackage,
	n8n,
	N8N_BIN,
	N8N_NODE,
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
	stop: () => Promise<void>;
}

/**
 * Every process a suite starts is stopped when the suite ends, however it ends: here when its
 * worker exits, and by the global teardown (globalSetup.ts) from the pid files left in
 * $N8N_ORANGE_E2E_PIDS when the worker was killed.
 */
const children = new Set<ChildProcess>();
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

/** Stops a process and waits for it to be gone: SIGTERM, then SIGKILL after a grace period. */
function stopped(child: ChildProcess, graceMs = 10_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
		child.once('exit', () => {
			clearTimeout(kill);
			resolve();
		});
		child.kill('SIGTERM');
	});
}

function started(child: ChildProcess): ChildProcess {
	const pidFile = process.env.N8N_ORANGE_E2E_PIDS
		? join(process.env.N8N_ORANGE_E2E_PIDS, String(child.pid))
		: undefined;
	if (pidFile) writeFileSync(pidFile, '');
	children.add(child);
	child.on('exit', () => {
		children.delete(child);
		if (pidFile) rmSync(pidFile, { force: true });
	});
	return child;
}

async function startSandbox(): Promise<{ url: string; process: ChildProcess }> {
	const sandbox = started(
		spawn(process.execPath, [join(ROOT, 'sandbox/cli.ts'), '--port', '0'], {
			stdio: ['ignore', 'pipe', 'inherit'],
		}),
	);
	const url = await new Promise<string>((resolve, reject) => {
		sandbox.once('exit', (code) => reject(new Error(`The sandbox exited (${code})`)));
		sandbox.stdout!.on('data', (chunk: Buffer) => {
			const match = /Orange sandbox on (\S+)/.exec(chunk.toString());
			if (match) resolve(match[1]);
		});
	});
	return { url, process: sandbox };
}

/** A credential as `n8n import:credentials` takes it. */
export interface ImportedCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface InstanceOptions {
	/** A sandbox the suite runs itself (in its own process, to read what it recorded): none is started. */
	sandboxUrl?: string;
	/** Credentials to import besides the two sandbox ones (an OpenAI key for a fake model…). */
	credentials?: ImportedCredential[];
}

/**
 * A fresh user folder with the packed package, the sandbox running, its credentials and the
 * workflows imported. A set-up that fails stops the sandbox it started.
 */
export async function prepareInstance(options: InstanceOptions = {}): Promise<Instance> {
	ensureN8n();
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-orange-e2e-'));
	installPackedPackage(userFolder);
	const sandbox = options.sandboxUrl
		? { url: options.sandboxUrl, process: undefined }
		: await startSandbox();
	const stop = async () => (sandbox.process ? stopped(sandbox.process) : undefined);
	try {
		return {
			userFolder,
			filesFolder: filesFolder(userFolder),
			sandboxUrl: sandbox.url,
			workflows: importEverything(userFolder, sandbox.url, options.credentials ?? []),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

function importEverything(
	userFolder: string,
	sandboxUrl: string,
	extraCredentials: ImportedCredential[],
): Instance['workflows'] {
	const credentialsFile = join(userFolder, 'credentials.json');
	const credentials = [...sandboxCredentials(sandboxUrl), ...extraCredentials];
	writeFileSync(credentialsFile, JSON.stringify(credentials));
	const imported = n8n(userFolder, ['import:credentials', `--input=${credentialsFile}`]);
	if (imported.status !== 0)
		throw new Error(`import:credentials failed: ${imported.stderr}${imported.stdout}`);

	const workflows: Instance['workflows'] = {};
	const files = ['examples', 'test/e2e/workflows'].flatMap((folder) =>
		readdirSync(join(ROOT, folder))
			.filter((f) => f.endsWith('.workflow.json'))
			.map((file) => join(ROOT, folder, file)),
	);
	importWorkflows(userFolder, files);
	for (const file of files) {
		const { id, name } = JSON.parse(readFileSync(file, 'utf8')) as { id: string; name: string };
		workflows[file.split('/').pop()!] = { id, name };
	}
	return workflows;
}

/**
 * Publishes (activates) a workflow before `n8n start`: `publish:workflow` in n8n 2.x, which n8n
 * 1.x does not have (there, `update:workflow --active=true`).
 */
export function publishWorkflow(instance: Instance, id: string): void {
	const published = n8n(instance.userFolder, ['publish:workflow', `--id=${id}`]);
	if (published.status === 0) return;
	if (!/command "?publish:workflow"? not found/i.test(published.stderr + published.stdout))
		throw new Error(`publish:workflow failed: ${published.stderr}${published.stdout}`);
	const activated = n8n(instance.userFolder, ['update:workflow', `--id=${id}`, '--active=true']);
	if (activated.status !== 0) throw new Error(`update:workflow failed: ${activated.stderr}`);
}

export interface Server {
	/** http://127.0.0.1:<port> */
	base: string;
	stop: () => Promise<void>;
}

/** `n8n start` on free ports for an instance; resolves once its REST API answers. */
export async function startN8n(instance: Instance): Promise<Server> {
	const ports = freePorts();
	const base = `http://127.0.0.1:${ports.N8N_PORT}`;
	let exited: string | undefined;
	const server = started(
		spawn(N8N_NODE, [N8N_BIN, 'start'], {
			env: n8nEnvironment(instance.userFolder, {
				...ports,
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_SECURE_COOKIE: 'false',
				N8N_LOG_LEVEL: 'warn',
			}),
			stdio: ['ignore', 'ignore', 'pipe'],
		}),
	);
	let stderr = '';
	server.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
	server.once('exit', (code) => (exited = `n8n start exited (${code}): ${stderr}`));
	for (let i = 0; i < 240 && !exited; i++) {
		try {
			// Up once the REST API answers JSON (the UI answers earlier).
			const response = await fetch(`${base}/rest/settings`);
			if (response.ok && (response.headers.get('content-type') ?? '').includes('json'))
				return { base, stop: () => stopped(server) };
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	server.kill('SIGKILL');
	throw new Error(exited ?? 'n8n did not start within two minutes');
}

/**
 * Waits until a published workflow's production webhook is registered. `n8n start` answers HTTP
 * before it activates published workflows, so a call made at once can get a 404. A CORS preflight
 * names the path without running the workflow: n8n answers 204 once the path is registered.
 * `endpoint`: `webhook`, or `mcp` for an MCP Server Trigger.
 */
export async function waitForWebhook(
	server: Server,
	path: string,
	method = 'POST',
	endpoint = 'webhook',
): Promise<void> {
	let last = '';
	for (let i = 0; i < 120; i++) {
		const response = await fetch(`${server.base}/${endpoint}/${path}`, {
			method: 'OPTIONS',
			headers: { Origin: server.base, 'Access-Control-Request-Method': method },
		});
		if (response.status === 204) return;
		last = `${response.status} ${await response.text()}`;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`The webhook ${method} /${endpoint}/${path} was never registered: ${last}`);
}

export type Rest = (
	path: string,
	body: unknown,
) => Promise<{
	response: Response;
	json: { data?: Record<string, unknown> } & Record<string, unknown>;
}>;

/** n8n's REST API as the editor calls it, signed in as the instance's owner (created here). */
export async function ownerSession(server: Server): Promise<{ rest: Rest; cookie: string }> {
	let cookie = '';
	const rest: Rest = async (path, body) => {
		const response = await fetch(`${server.base}/rest${path}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
			body: JSON.stringify(body),
		});
		return { response, json: (await response.json()) as Awaited<ReturnType<Rest>>['json'] };
	};
	const owner = await rest('/owner/setup', {
		email: 'owner@exemple.fr',
		firstName: 'Claire',
		lastName: 'Martin',
		password: 'Sandbox-Owner-2026',
	});
	if (owner.response.status !== 200)
		throw new Error(`owner/setup answered ${owner.response.status}: ${JSON.stringify(owner.json)}`);
	cookie = (owner.response.headers.get('set-cookie') ?? '').split(';')[0];
	return { rest, cookie };
}

/**
 * Each credential's Test, as the editor's button runs it (`POST /rest/credentials/test`): green
 * with the sandbox's values, red with Orange's words for a wrong secret.
 */
export async function expectCredentialTests(rest: Rest, sandboxUrl: string): Promise<void> {
	for (const credential of sandboxCredentials(sandboxUrl)) {
		const green = await rest('/credentials/test', { credentials: credential });
		expect(green.json.data, JSON.stringify(green.json)).toMatchObject({ status: 'OK' });
		const red = await rest('/credentials/test', {
			credentials: { ...credential, data: { ...credential.data, clientSecret: 'wrong' } },
		});
		expect(red.json.data).toMatchObject({ status: 'Error' });
		expect(String(red.json.data?.message)).toContain('check the Client ID and Client Secret');
	}
}
