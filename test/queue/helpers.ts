/**
 * What the queue-mode suite measures with: webhook calls, the sandbox's counters and public API,
 * a collector of what a workflow posts, and the printed table.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';

import { sandboxCredentialData, sandboxStats, sandboxToken } from '../../sandbox/client.ts';

/** The sandbox's counters; asked again on a network error (a control call, not a measured one). */
export async function stats(sandboxUrl: string): ReturnType<typeof sandboxStats> {
	return await retried(() => sandboxStats(sandboxUrl));
}

async function retried<T>(call: () => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await call();
		} catch (error) {
			if (attempt === 3) throw error;
			await sleep(500);
		}
	}
}

/** One JSON POST; answers the status and the parsed body (or the text when it is not JSON). */
export async function postJson(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	const text = await response.text();
	try {
		return { status: response.status, body: JSON.parse(text) as unknown };
	} catch {
		return { status: response.status, body: text };
	}
}

/** A POST whose answer is a file: its size and sha256, read as a stream. */
export async function postForFile(
	url: string,
	body: unknown,
): Promise<{ status: number; bytes: number; sha256: string }> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, ...(await digest(response)) };
}

async function digest(response: Response): Promise<{ bytes: number; sha256: string }> {
	const hash = createHash('sha256');
	let bytes = 0;
	for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
		hash.update(chunk);
		bytes += chunk.length;
	}
	return { bytes, sha256: hash.digest('hex') };
}

/** Adds a document to a sandbox contract through its control route. */
export async function addDocument(
	sandboxUrl: string,
	document: { contractId: string; period: string; documentType: string; sizeBytes?: number },
): Promise<{ id: string }> {
	const response = await fetch(`${sandboxUrl}/__sandbox/documents`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(document),
	});
	if (!response.ok) throw new Error(`/__sandbox/documents: ${response.status}`);
	return (await response.json()) as { id: string };
}

export async function addFault(sandboxUrl: string, rule: Record<string, unknown>): Promise<void> {
	const response = await fetch(`${sandboxUrl}/__sandbox/faults`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(rule),
	});
	if (!response.ok) throw new Error(`/__sandbox/faults: ${response.status}`);
}

/** Calls the sandbox's Cloud Store API as any client would (its own token). */
async function cloudStoreGet(sandboxUrl: string, path: string, contractId?: string) {
	const headers: Record<string, string> = {
		Authorization: `Bearer ${await sandboxToken(sandboxUrl)}`,
		'X-API-Key': sandboxCredentialData(sandboxUrl).orangeCloudStoreApi.apiKey,
		Accept: 'application/json',
	};
	if (contractId) headers['X-ECCS-Contract-Id'] = contractId;
	return await fetch(`${sandboxUrl}/cloud/b2b/v1${path}`, { headers });
}

/** The size and sha256 of a document's file, fetched straight from the sandbox. */
export async function documentDigest(sandboxUrl: string, contractId: string, documentId: string) {
	return await digest(await cloudStoreGet(sandboxUrl, `/documents/${documentId}/file`, contractId));
}

/** Every contract the sandbox's API lists. */
export async function listContractNames(sandboxUrl: string): Promise<string[]> {
	const response = await cloudStoreGet(sandboxUrl, '/contracts?limit=1000&offset=0');
	const body = (await response.json()) as unknown;
	const list = Array.isArray(body) ? body : ((body as { contracts?: unknown[] }).contracts ?? []);
	return (list as { name: string }[]).map((contract) => contract.name);
}

/** An HTTP server that keeps every JSON body posted to it. */
export async function startCollector(): Promise<{
	url: string;
	received: Record<string, unknown>[];
	stop: () => Promise<void>;
}> {
	const received: Record<string, unknown>[] = [];
	const server: Server = createServer((request, response) => {
		let text = '';
		request.on('data', (chunk: Buffer) => (text += chunk.toString()));
		request.on('end', () => {
			try {
				received.push(JSON.parse(text) as Record<string, unknown>);
			} catch {
				received.push({ unreadable: text });
			}
			response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	return {
		url: `http://127.0.0.1:${port}/seen`,
		received,
		stop: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

export async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, ms: number) {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (await condition()) return;
		await sleep(250);
	}
	throw new Error(`Timed out after ${ms / 1000} s waiting for ${what}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Row {
	scenario: string;
	items: number;
	succeeded: number;
	failed: string;
	perWorker: string;
	tokenRequests: number;
	duplicates: number;
	seconds: number;
	/** Items per second, or another figure of the scenario (peak memory…). */
	rate: string;
}

export function table(rows: Row[]): string {
	const head =
		'| scenario | items | succeeded | failed | executions per worker | token requests | duplicates | wall time | checks/s or note |';
	const lines = rows.map(
		(r) =>
			`| ${r.scenario} | ${r.items} | ${r.succeeded} | ${r.failed} | ${r.perWorker} | ${r.tokenRequests} | ${r.duplicates} | ${r.seconds.toFixed(1)} s | ${r.rate} |`,
	);
	return [head, '|---|---|---|---|---|---|---|---|---|', ...lines].join('\n');
}

export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
