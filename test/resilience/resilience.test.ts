import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';

import { runNode } from '../helpers/engine.ts';
import { n8nWorkflow } from '../helpers/package.ts';
import { textOf } from '../helpers/assertions.ts';
import { CLOUD, ELIGIBILITY, useSandbox } from '../helpers/sandbox.ts';
import { SCENARIOS } from './scenarios.ts';

// Everything the engine logs (n8n's LoggerProxy, every level) is kept and searched for secrets.
const logged: string[] = [];
const keep = (message: string, meta?: object) => void logged.push(`${message} ${textOf(meta)}`);
// n8n's own logger takes the proxy over when it is first created: create it now (from the copies
// of @n8n/di and @n8n/backend-common that n8n-core loads), then take the proxy back.
const requireFromCore = createRequire(createRequire(import.meta.url).resolve('n8n-core'));
const { Container } = requireFromCore('@n8n/di') as typeof import('@n8n/di');
const { Logger } = requireFromCore('@n8n/backend-common') as typeof import('@n8n/backend-common');
Container.get(Logger);
n8nWorkflow.LoggerProxy.init({ error: keep, warn: keep, info: keep, debug: keep } as never);

const CANARY = {
	clientId: 'canary-client-id-3c9d',
	clientSecret: 'canary-client-secret-7f3a',
	apiKey: 'canary-api-key-91c2',
};

const t = useSandbox({
	clients: [{ clientId: CANARY.clientId, clientSecret: CANARY.clientSecret }],
	extraApiKeys: [CANARY.apiKey],
	seed: 7,
});

interface Row {
	scenario: string;
	items: number;
	succeeded: number;
	failedClearly: number;
	retries: number;
	tokens: number;
	duplicates: number;
	leaks: number;
	seconds: number;
}

const rows: Row[] = [];

/** Everything printed while `run` runs, n8n's own logs included. */
async function capturing<T>(run: () => Promise<T>): Promise<{ result: T; printed: string }> {
	const chunks: string[] = [];
	const out = process.stdout.write.bind(process.stdout);
	const err = process.stderr.write.bind(process.stderr);
	const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
	const originals = methods.map((method) => console[method]);
	process.stdout.write = ((chunk: string | Uint8Array) => (
		chunks.push(String(chunk)),
		true
	)) as typeof process.stdout.write;
	process.stderr.write = ((chunk: string | Uint8Array) => (
		chunks.push(String(chunk)),
		true
	)) as typeof process.stderr.write;
	for (const method of methods)
		console[method] = (...args: unknown[]) =>
			void chunks.push(args.map((a) => textOf(a)).join(' '));
	try {
		return { result: await run(), printed: chunks.join('\n') };
	} finally {
		process.stdout.write = out;
		process.stderr.write = err;
		methods.forEach((method, i) => (console[method] = originals[i]));
	}
}

describe('resilience', () => {
	afterAll(() => {
		const header =
			'| scenario | items | succeeded | failed with a clear error | retries | tokens fetched | duplicates created | secrets leaked | wall |';
		const lines = rows.map(
			(r) =>
				`| ${r.scenario} | ${r.items} | ${r.succeeded} | ${r.failedClearly} | ${r.retries} | ${r.tokens} | ${r.duplicates} | ${r.leaks} | ${r.seconds.toFixed(1)} s |`,
		);
		console.log(['', header, '|---|---|---|---|---|---|---|---|---|', ...lines, ''].join('\n'));
	});

	it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
		const { sandbox, credentials } = t;
		for (const id of [CLOUD, ELIGIBILITY]) {
			credentials.store.set(id, {
				...credentials.store.get(id),
				clientId: CANARY.clientId,
				clientSecret: CANARY.clientSecret,
				...scenario.credential,
			});
		}
		credentials.store.set(CLOUD, { ...credentials.store.get(CLOUD), apiKey: CANARY.apiKey });
		let items = scenario.run.items ?? [];
		if (
			scenario.run.type === 'orangeCloudStore' &&
			scenario.run.parameters.operation === 'download'
		) {
			items = sandbox.documents
				.filter((d) => d.contractId === 'OCB0001234')
				.slice(0, 20)
				.map((d) => ({ id: d.id }));
		}
		scenario.faults.forEach((fault) => sandbox.addFault(fault));

		const started = performance.now();
		const { result, printed } = await capturing(() =>
			runNode(
				{
					...scenario.run,
					items,
					credentials:
						scenario.run.type === 'orangeEligibility'
							? { orangeEligibilityApi: ELIGIBILITY }
							: { orangeCloudStoreApi: CLOUD },
				},
				credentials,
			),
		);
		const seconds = (performance.now() - started) / 1000;

		const output = result.items;
		const failed = output.filter((i) => i.json.error !== undefined);
		const clear = failed.filter((i) => {
			const message = String(i.json.error);
			return (
				!message.includes('\n') &&
				!message.includes('<') &&
				(!scenario.error || scenario.error.test(message))
			);
		});
		const apiCalls = sandbox.requests.length - sandbox.tokenRequests;
		const created = sandbox.createdContracts.map((c) => String(c.contractName));
		const users = sandbox.addedUsers.map((u) => String(u.login));
		const duplicates =
			created.length - new Set(created).size + (users.length - new Set(users).size);
		const secrets = [
			CANARY.clientSecret,
			CANARY.apiKey,
			Buffer.from(`${CANARY.clientId}:${CANARY.clientSecret}`).toString('base64'),
			...sandbox.issuedTokens,
			...(scenario.credential?.clientSecret ? [scenario.credential.clientSecret] : []),
		];
		const log = logged.splice(0).join('\n');
		const haystack = textOf(result.run) + textOf(result.error) + printed + log;
		const leaks = secrets.filter((secret) => haystack.includes(secret)).length;
		// n8n's debug log was written: the scan above did read it.
		expect(log).toContain('Running node "Orange"');

		rows.push({
			scenario: scenario.name,
			items: items.length,
			succeeded: output.length - failed.length,
			failedClearly: clear.length,
			retries: Math.max(0, apiCalls - items.length * scenario.callsPerItem),
			tokens: sandbox.tokenRequests,
			duplicates,
			leaks,
			seconds,
		});

		expect(result.error).toBeUndefined();
		expect(output).toHaveLength(items.length);
		expect(output.map((i) => (i.pairedItem as { item: number }).item)).toEqual(
			items.map((_, i) => i),
		);
		expect(failed).toHaveLength(scenario.expectFailed);
		expect(clear).toHaveLength(failed.length);
		expect(sandbox.tokenRequests).toBeLessThanOrEqual(scenario.maxTokens);
		expect(duplicates).toBe(0);
		expect(leaks).toBe(0);
		expect(sandbox.requests.filter((r) => r.fault).length).toBeGreaterThanOrEqual(
			scenario.faults.length ? 1 : 0,
		);
		scenario.verify?.(sandbox);
	});
});
