/**
 * `npm run bench`: this package's nodes against n8n's HTTP Request node and against the wire,
 * side by side in one run. Prints a table and writes it to bench/RESULTS.md. Every figure is a
 * median of several runs; every comparison is a ratio within this run. Asserts nothing.
 *
 * Environment: ITEMS (1000), RUNS (3), LATENCY_MS (20), DOWNLOAD_MB (500), and ONLY, a
 * comma-separated list of sections to run (throughput, cost, tokens, download, trigger, real).
 * The real-n8n section: REAL_RUNS (5), REAL_PARALLELISM (8,32), REAL_DATABASES (sqlite,postgres),
 * REAL_BEFORE (a package packed from an earlier commit; REAL_BEFORE_LABEL names it) for a
 * before/after table, REAL_TRACE (1; 0 skips the traced executions and their per-phase table).
 */
import { writeFileSync } from 'node:fs';

import { prepareN8nEnvironment } from '../test/helpers/environment.ts';
import { machineLine } from './harness.ts';

prepareN8nEnvironment('bench');
await import('reflect-metadata');
const { perItemCost, throughput, tokenRequests } = await import('./throughput.ts');
const { largeDownload } = await import('./download.ts');
const { triggerPollCost } = await import('./triggerPoll.ts');
const { realN8nThroughput } = await import('./realN8nRuns.ts');
const { realN8nReport } = await import('./realN8nReport.ts');
const { N8N_VERSION } = await import('../scripts/n8n.ts');
type Database = import('./realN8n.ts').Database;

const ITEMS = Number(process.env.ITEMS ?? 1000);
const RUNS = Number(process.env.RUNS ?? 3);
const REAL_RUNS = Number(process.env.REAL_RUNS ?? 5);
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 20);
const DOWNLOAD_MB = Number(process.env.DOWNLOAD_MB ?? 500);
const ONLY = process.env.ONLY?.split(',');
const runs = (section: string) => !ONLY || ONLY.includes(section);

const lines: string[] = [];
const out = (line = '') => {
	lines.push(line);
	console.log(line);
};
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

out('# Benchmarks');
out();
out(`${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${machineLine()}`);
out();
out(
	`\`npm run bench\`; medians of ${RUNS} runs; the sandbox runs in its own process on loopback. Ratios compare figures of this same run.`,
);

out();
out(`## Throughput: ${ITEMS} eligibility checks, the sandbox answering in ${LATENCY_MS} ms`);
out();
out(
	'- **node, expressions**: the Orange Eligibility node, Check by Address, its three fields mapped by expression (`{{ $json.insee }}`…), Parallel Requests = the parallelism.',
);
out(
	'- **node, auto-map**: the same with Mapping Mode "Map Automatically" (input items carry `inseeCode`, `rivoliCode`, `streetNumber`): no expression per item.',
);
out(
	`- **HTTP Request node** (n8n-nodes-base 4.2, same engine): the Orange Eligibility credential as predefined credential type, JSON body from one expression, Batching of *parallelism* items every ${LATENCY_MS} ms (its only way to bound the requests in flight; an interval of 0 fires all items at once).`,
);
out(
	"- **n8n's HTTP client**: the same requests at the same parallelism straight through n8n's outbound HTTP client (`@n8n/backend-network`, what n8n-core's request helpers call), no engine, no node: the ceiling of any node that sends through n8n.",
);
out(
	"- **plain fetch**: a `fetch` loop keeping *parallelism* requests in flight, no n8n: the wire's limit.",
);
out('- Each side starts with a valid token (as every execution after the first does).');
out();
if (runs('throughput')) {
	const rows = await throughput(ITEMS, LATENCY_MS, RUNS);
	out('Items per second, and in brackets the ratio to plain fetch:');
	out();
	out(
		"| parallelism | node, expressions | node, auto-map | HTTP Request node | n8n's HTTP client | plain fetch | node (expr.) ÷ HTTP Request | node (auto) ÷ HTTP Request |",
	);
	out('|---|---|---|---|---|---|---|---|');
	for (const row of rows) {
		const cell = (value: number) => `${value.toFixed(0)} (${ratio(value, row.plain)})`;
		out(
			`| ${row.label} | ${cell(row.node)} | ${cell(row.nodeAutoMap)} | ${cell(row.httpRequest)} | ${cell(row.n8nClient)} | ${row.plain.toFixed(0)} | ${ratio(row.node, row.httpRequest)} | ${ratio(row.nodeAutoMap, row.httpRequest)} |`,
		);
	}
	out();
	out('Goal: node ≥ 0.90× plain at equal parallelism, and ≥ the HTTP Request node.');
}

out();
out(`## Per-item cost: ${ITEMS} checks, 0 ms latency, one at a time`);
out();
if (runs('cost')) {
	const cost = await perItemCost(ITEMS, RUNS);
	out('| | µs per item | ÷ plain | added to plain fetch, µs |');
	out('|---|---|---|---|');
	out(
		`| node, expressions (in n8n's engine) | ${cost.node.toFixed(0)} | ${ratio(cost.node, cost.plain)} | ${(cost.node - cost.plain).toFixed(0)} |`,
	);
	out(
		`| node, auto-map (in n8n's engine) | ${cost.nodeAutoMap.toFixed(0)} | ${ratio(cost.nodeAutoMap, cost.plain)} | ${(cost.nodeAutoMap - cost.plain).toFixed(0)} |`,
	);
	out(
		`| n8n's HTTP client alone | ${cost.n8nClient.toFixed(0)} | ${ratio(cost.n8nClient, cost.plain)} | ${(cost.n8nClient - cost.plain).toFixed(0)} |`,
	);
	out(`| plain fetch | ${cost.plain.toFixed(0)} | 1.00× | |`);
	out();
	out("All include the sandbox's own time to answer (the same for all).");
}

out();
out('## Token requests: 10 executions of 100 checks, one credential, from cold');
out();
if (runs('tokens')) {
	const tokens = await tokenRequests(10, 100);
	out('| | token requests |');
	out('|---|---|');
	out(`| Orange Eligibility node, Parallel Requests 32 | ${tokens.node} |`);
	out(
		`| HTTP Request node with the same credential, Batching 32 every 0 ms | ${tokens.httpRequest} |`,
	);
	out();
}
out("Goal: 1 per credential per token lifetime (the sandbox's tokens live an hour).");

out();
out(`## Large download: a ${DOWNLOAD_MB} MB document`);
out();
out(
	"Each download in a fresh process. **node**: Cloud Store › Download in n8n's engine with n8n's filesystem binary-data mode (n8n's default). **plain**: `fetch` piped to a file, in a bare Node process, and in a process that has loaded n8n's engine (as n8n's own process has). Peak RSS growth: the process's high-water mark during the download, over its RSS just before. Files checked byte for byte (sha256).",
);
out();
if (runs('download')) {
	const small = await largeDownload(50 * 1e6, RUNS);
	const large = await largeDownload(DOWNLOAD_MB * 1e6, RUNS);
	out(`| | wall time | ÷ plain | peak RSS growth, ${DOWNLOAD_MB} MB | peak RSS growth, 50 MB |`);
	out('|---|---|---|---|---|');
	for (const [label, key] of [
		['Cloud Store node (n8n filesystem mode)', 'node'],
		['plain stream, bare process', 'plain'],
		["plain stream, n8n's engine loaded", 'plainInN8n'],
	] as const) {
		out(
			`| ${label} | ${seconds(large[key].wallMs)} | ${ratio(large[key].wallMs, large.plain.wallMs)} | ${mb(large[key].rssGrowth)} | ${mb(small[key].rssGrowth)} |`,
		);
	}
	out();
	out(
		'Goal: peak RSS growth < 64 MB for 500 MB (memory that does not grow with the file), time ≤ 1.2× the plain stream.',
	);
}

out();
out('## Trigger poll: 50 contracts × 1,000 documents');
out();
if (runs('trigger')) {
	const poll = await triggerPollCost(50, 1000, RUNS);
	out('| poll | API requests | wall time |');
	out('|---|---|---|');
	out(
		`| activation (records the state, emits nothing) | ${poll.activation.requests} | ${seconds(poll.activation.wallMs)} |`,
	);
	out(
		`| 1 new document (emitted once) | ${poll.oneNew.requests} | ${seconds(poll.oneNew.wallMs)} |`,
	);
	out(`| nothing new | ${poll.noneNew.requests} | ${seconds(poll.noneNew.wallMs)} |`);
}

out();
out(`## In a real n8n: ${ITEMS} checks by ND, the sandbox answering in ${LATENCY_MS} ms`);
out();
out(
	`n8n ${N8N_VERSION} from npm (\`n8n execute\`), the packed package installed as a community package, on SQLite and on PostgreSQL (a throw-away local cluster). One workflow runs every lane one after the other, after a warm-up of 50 items per lane (a second workflow runs them in the reverse order: the executions alternate between the two); each time is that node's own, from n8n's run data. **this node**: Orange Eligibility, Check by ND, the ND mapped by expression (\`{{ $json.nd }}\`), Parallel Requests = the parallelism. **HTTP Request**: n8n-nodes-base 4.2, JSON body from one expression, Batching of *parallelism* items every ${LATENCY_MS} ms, with a static \`Authorization: Bearer\` header or with the Orange Eligibility credential (predefined credential type). **plain fetch**: a \`fetch\` loop outside n8n keeping *parallelism* requests in flight. Every side starts with a valid token.`,
);
out();
if (runs('real')) {
	const results = await realN8nThroughput({
		items: ITEMS,
		latencyMs: LATENCY_MS,
		runs: REAL_RUNS,
		parallelisms: (process.env.REAL_PARALLELISM ?? '8,32').split(',').map(Number),
		databases: (process.env.REAL_DATABASES ?? 'sqlite,postgres').split(',') as Database[],
		log: (line) => console.error(line),
	});
	for (const line of realN8nReport(results, {
		runs: REAL_RUNS,
		beforeLabel: process.env.REAL_BEFORE_LABEL ?? process.env.REAL_BEFORE,
	}))
		out(line);
}

writeFileSync(new URL('RESULTS.md', import.meta.url), `${lines.join('\n')}\n`);
console.log('\nWritten to bench/RESULTS.md');
process.exit(0);
