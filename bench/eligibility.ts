/**
 * `npm run bench:eligibility`: 1,000 eligibility checks through n8n's engine against the sandbox
 * (in its own process, 20 ms per answer), at concurrency 1 and at the node's default, side by side.
 * Prints figures; asserts nothing (machines are shared and noisy).
 */
import { spawn } from 'node:child_process';

import { prepareN8nEnvironment } from '../test/helpers/environment.ts';

prepareN8nEnvironment('bench');
await import('reflect-metadata');
const { runNode, TestCredentialsHelper } = await import('../test/helpers/engine.ts');
const { checkAddressRows } = await import('../test/helpers/fixtures.ts');
const { SANDBOX_CLIENT, SANDBOX_REQUESTER } = await import('../sandbox/data.ts');

const LATENCY_MS = Number(process.env.LATENCY_MS ?? 20);
const ITEMS = Number(process.env.ITEMS ?? 1000);
const RUNS = Number(process.env.RUNS ?? 3);

const child = spawn(
	process.execPath,
	['sandbox/cli.ts', '--port', '0', '--latency', String(LATENCY_MS)],
	{ stdio: ['ignore', 'pipe', 'inherit'] },
);
const url = await new Promise<string>((resolve) => {
	child.stdout.on('data', (chunk: Buffer) => {
		const match = /Orange sandbox on (\S+)/.exec(chunk.toString());
		if (match) resolve(match[1]);
	});
});
const stats = async () =>
	(await (await fetch(`${url}/__sandbox/stats`)).json()) as { tokenRequests: number };

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(concurrency: number | undefined) {
	const times: number[] = [];
	let tokens = 0;
	for (let run = 0; run < RUNS; run++) {
		await fetch(`${url}/__sandbox/reset`, { method: 'POST' });
		const credentials = new TestCredentialsHelper();
		credentials.store.set('eligibility', {
			clientId: SANDBOX_CLIENT.clientId,
			clientSecret: SANDBOX_CLIENT.clientSecret,
			...SANDBOX_REQUESTER,
			baseUrl: url,
			accessToken: '',
		});
		const started = performance.now();
		const { items, error } = await runNode(
			{
				...checkAddressRows(ITEMS, { options: concurrency === undefined ? {} : { concurrency } }),
				credentials: { orangeEligibilityApi: 'eligibility' },
			},
			credentials,
		);
		times.push(performance.now() - started);
		if (error || items.length !== ITEMS)
			throw new Error(`run failed: ${error?.message ?? items.length}`);
		tokens = (await stats()).tokenRequests;
	}
	return { wall: median(times), tokens };
}

const one = await measure(1);
const byDefault = await measure(undefined);
const rowsOut = [
	['concurrency 1', one],
	['default (5)', byDefault],
] as const;
console.log(
	`${ITEMS} eligibility checks, sandbox answering in ${LATENCY_MS} ms, median of ${RUNS} runs`,
);
console.log('| setting | wall time | items/s | token requests |');
console.log('|---|---|---|---|');
for (const [label, r] of rowsOut) {
	console.log(
		`| ${label} | ${(r.wall / 1000).toFixed(2)} s | ${Math.round((ITEMS * 1000) / r.wall)} | ${r.tokens} |`,
	);
}
console.log(`default vs concurrency 1: ${(one.wall / byDefault.wall).toFixed(2)}× faster`);
child.kill();
process.exit(0);
