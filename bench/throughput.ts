/**
 * Throughput and per-item cost of eligibility checks, side by side in one run: this package's
 * node, n8n's HTTP Request node making the same requests in the same engine, and a plain `fetch`
 * loop (the wire's limit). Also the token requests of repeated executions.
 */
import { createRequire } from 'node:module';

import type { INode } from 'n8n-workflow';

import { medianOf, pool, startSandboxProcess, type SandboxProcess } from './harness.ts';
import { CHECK_PATH, checkBody, checkBodyExpression } from './wire.ts';

const { addNodeTypes, runNode, runWorkflow, TestCredentialsHelper } = await import(
	'../test/helpers/engine.ts'
);
const { addressRows, checkAddressRows } = await import('../test/helpers/fixtures.ts');
const { ELIGIBILITY, storeSandboxCredentials } = await import('../test/helpers/sandbox.ts');
const { loadNodesBase } = await import('../test/helpers/nodesBase.ts');
const { holdToken } = await import('../test/helpers/credentials.ts');

addNodeTypes(loadNodesBase(['httpRequest']));

/** n8n's outbound HTTP client, the one n8n-core's request helpers (and so every node) go through. */
const n8nCoreRequire = createRequire(import.meta.resolve('n8n-core'));
const { Container } = n8nCoreRequire('@n8n/di') as typeof import('@n8n/di');
const { OutboundHttp } = n8nCoreRequire('@n8n/backend-network') as {
	OutboundHttp: new () => { requests(): { request(options: object): Promise<unknown> } };
};

type Implementation = 'node' | 'nodeAutoMap' | 'httpRequest' | 'n8nClient' | 'plain';

/** One timed pass of `items` checks; returns milliseconds. Credentials hold a token already. */
async function pass(
	sandbox: SandboxProcess,
	credentials: InstanceType<typeof TestCredentialsHelper>,
	implementation: Implementation,
	items: number,
	concurrency: number,
	latencyMs: number,
): Promise<number> {
	const started = performance.now();
	if (implementation === 'plain' || implementation === 'n8nClient') {
		const token = String(credentials.store.get(ELIGIBILITY)!.accessToken);
		const rows = addressRows(items);
		const client = Container.get(OutboundHttp).requests();
		await pool(items, concurrency, async (index) => {
			const headers = {
				Authorization: `Bearer ${token}`,
				Accept: 'application/json',
				'Content-Type': 'application/json',
			};
			const body = checkBody({
				kind: 'address',
				inseeCode: rows[index].insee,
				rivoliCode: rows[index].rivoli,
				streetNumber: rows[index].number,
			});
			if (implementation === 'n8nClient') {
				const answer = await client.request({
					method: 'POST',
					url: `${sandbox.url}${CHECK_PATH}`,
					headers,
					body,
				});
				if (typeof answer !== 'object') throw new Error('n8n client: no JSON answer');
				return;
			}
			const response = await fetch(`${sandbox.url}${CHECK_PATH}`, {
				method: 'POST',
				headers,
				body,
			});
			if (response.status !== 200) throw new Error(`plain: HTTP ${response.status}`);
			await response.json();
		});
	} else if (implementation === 'node' || implementation === 'nodeAutoMap') {
		const autoMap = implementation === 'nodeAutoMap';
		const { items: output, error } = await runNode(
			{
				...checkAddressRows(items, { options: { concurrency }, autoMap }),
				credentials: { orangeEligibilityApi: ELIGIBILITY },
			},
			credentials,
		);
		if (error || output.length !== items)
			throw new Error(`node: ${error?.message ?? output.length}`);
	} else {
		const { output, error } = await runWorkflow(
			httpRequestWorkflow(sandbox.url, items, concurrency, latencyMs),
			credentials,
		);
		if (error || output.HTTP?.length !== items)
			throw new Error(`HTTP Request node: ${error?.message ?? output.HTTP?.length}`);
	}
	return performance.now() - started;
}

/**
 * The HTTP Request node as a user would set it up for the same checks: the package's credential
 * as a predefined credential type (its token fetched once), the body from one expression, and
 * batching of `concurrency` items every `latencyMs` — at most about `concurrency` requests in
 * flight, its only way to bound parallelism (an interval of 0 fires every item at once).
 */
function httpRequestWorkflow(url: string, items: number, concurrency: number, latencyMs: number) {
	const node = (name: string, type: string, typeVersion: number, parameters: object): INode => ({
		id: name,
		name,
		type,
		typeVersion,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
	});
	const body = checkBodyExpression(
		{
			kind: 'address',
			inseeCode: '__insee__',
			rivoliCode: '__rivoli__',
			streetNumber: '__number__',
		},
		{ insee: '$json.insee', rivoli: '$json.rivoli', number: '$json.number' },
	);
	return {
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger', 1, {}),
			node('Items', 'test.items', 1, { items: JSON.stringify(addressRows(items)) }),
			{
				...node('HTTP', 'n8n-nodes-base.httpRequest', 4.2, {
					method: 'POST',
					url: `${url}${CHECK_PATH}`,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'orangeEligibilityApi',
					sendBody: true,
					specifyBody: 'json',
					jsonBody: body,
					options: { batching: { batch: { batchSize: concurrency, batchInterval: latencyMs } } },
				}),
				credentials: { orangeEligibilityApi: { id: ELIGIBILITY, name: ELIGIBILITY } },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main' as const, index: 0 }]] },
			Items: { main: [[{ node: 'HTTP', type: 'main' as const, index: 0 }]] },
		},
	};
}

async function withSandbox<T>(
	latencyMs: number,
	use: (
		sandbox: SandboxProcess,
		credentials: InstanceType<typeof TestCredentialsHelper>,
	) => Promise<T>,
): Promise<T> {
	const sandbox = await startSandboxProcess(['--latency', String(latencyMs)]);
	try {
		const credentials = new TestCredentialsHelper();
		storeSandboxCredentials(credentials, sandbox.url);
		// Every side starts with a valid token, as on any execution after the first.
		await holdToken(credentials, 'orangeEligibilityApi', ELIGIBILITY);
		return await use(sandbox, credentials);
	} finally {
		sandbox.stop();
	}
}

export interface ThroughputRow {
	concurrency: number;
	label: string;
	node: number;
	nodeAutoMap: number;
	httpRequest: number;
	n8nClient: number;
	plain: number;
}

/** Items per second of each implementation at each parallelism (median of `runs`). */
export async function throughput(
	items: number,
	latencyMs: number,
	runs: number,
): Promise<ThroughputRow[]> {
	return await withSandbox(latencyMs, async (sandbox, credentials) => {
		// Warm-up: the first pass of each loads code and fills V8's caches.
		for (const implementation of [
			'node',
			'nodeAutoMap',
			'httpRequest',
			'n8nClient',
			'plain',
		] as const)
			await pass(sandbox, credentials, implementation, 50, 5, latencyMs);
		const rows: ThroughputRow[] = [];
		for (const [concurrency, label] of [
			[1, '1'],
			[5, "5 (the node's default)"],
			[32, '32'],
		] as const) {
			const times = await medianOf(runs, async () => ({
				node: await pass(sandbox, credentials, 'node', items, concurrency, latencyMs),
				nodeAutoMap: await pass(sandbox, credentials, 'nodeAutoMap', items, concurrency, latencyMs),
				httpRequest: await pass(sandbox, credentials, 'httpRequest', items, concurrency, latencyMs),
				n8nClient: await pass(sandbox, credentials, 'n8nClient', items, concurrency, latencyMs),
				plain: await pass(sandbox, credentials, 'plain', items, concurrency, latencyMs),
			}));
			rows.push({
				concurrency,
				label,
				node: (items * 1000) / times.node,
				nodeAutoMap: (items * 1000) / times.nodeAutoMap,
				httpRequest: (items * 1000) / times.httpRequest,
				n8nClient: (items * 1000) / times.n8nClient,
				plain: (items * 1000) / times.plain,
			});
		}
		return rows;
	});
}

/** Microseconds per item at 0 ms latency, one at a time: what n8n and the node add to a request. */
export async function perItemCost(items: number, runs: number) {
	return await withSandbox(0, async (sandbox, credentials) => {
		for (const implementation of ['node', 'nodeAutoMap', 'n8nClient', 'plain'] as const)
			await pass(sandbox, credentials, implementation, 200, 1, 0);
		const times = await medianOf(runs, async () => ({
			node: await pass(sandbox, credentials, 'node', items, 1, 0),
			nodeAutoMap: await pass(sandbox, credentials, 'nodeAutoMap', items, 1, 0),
			n8nClient: await pass(sandbox, credentials, 'n8nClient', items, 1, 0),
			plain: await pass(sandbox, credentials, 'plain', items, 1, 0),
		}));
		return {
			node: (times.node * 1000) / items,
			nodeAutoMap: (times.nodeAutoMap * 1000) / items,
			n8nClient: (times.n8nClient * 1000) / items,
			plain: (times.plain * 1000) / items,
		};
	});
}

/** Token requests for `executions` runs of `items` checks sharing one credential, from cold. */
export async function tokenRequests(executions: number, items: number) {
	const sandbox = await startSandboxProcess();
	try {
		const credentials = new TestCredentialsHelper();
		storeSandboxCredentials(credentials, sandbox.url);
		for (let run = 0; run < executions; run++) {
			const { error } = await runNode(
				{
					...checkAddressRows(items, { options: { concurrency: 32 } }),
					credentials: { orangeEligibilityApi: ELIGIBILITY },
				},
				credentials,
			);
			if (error) throw new Error(error.message);
		}
		const node = (await sandbox.stats()).tokenRequests;
		// The HTTP Request node with the same credential, from cold, same parallelism.
		await sandbox.reset();
		storeSandboxCredentials(credentials, sandbox.url);
		for (let run = 0; run < executions; run++) {
			const { error } = await runWorkflow(
				httpRequestWorkflow(sandbox.url, items, 32, 0),
				credentials,
			);
			if (error) throw new Error(error.message);
		}
		const httpRequest = (await sandbox.stats()).tokenRequests;
		return { node, httpRequest };
	} finally {
		sandbox.stop();
	}
}
