import { realN8nThroughput } from '/work/wt-perf/bench/realN8n.ts';
const rows = await realN8nThroughput({ items: Number(process.env.ITEMS ?? 200), latencyMs: 20, runs: Number(process.env.RUNS ?? 1), parallelisms: (process.env.P ?? '8,32').split(',').map(Number), databases: (process.env.DB ?? 'sqlite').split(',') as never, log: (l) => console.error(new Date().toISOString().slice(11,19), l) });
console.log(JSON.stringify(rows, null, 1));
process.exit(0);
