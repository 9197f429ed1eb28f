/**
 * `npm run build && node bench/profile.ts`: where a real n8n spends its CPU on the node's checks.
 * Runs the real-n8n benchmark's workflow once under `--cpu-prof` (one lane: this node, or LANE)
 * and prints the functions with the most self time. Environment: ITEMS (1000), LATENCY_MS (20),
 * CONCURRENCY (32), LANE (node | httpStatic | httpCredential), DATABASE (sqlite | postgres), TOP (30),
 * REAL_TARBALL (a package packed earlier), PROFILE_OUT (where to keep the .cpuprofile).
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Database, type Lane, packPackage, prepareRealN8n } from './realN8n.ts';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/**
 * Self time per function (name, file, line), largest first, in ms — counted only between the
 * first and the last sample with this package's transport on the stack: the node's run, not n8n's
 * start-up.
 */
export function selfTimes(
	profile: Profile,
	marker = 'n8n-nodes-orange/dist/nodes/shared/transport',
) {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	const inPackage = (id: number | undefined): boolean => {
		for (; id !== undefined; id = parent.get(id))
			if (byId.get(id)!.callFrame.url.includes(marker)) return true;
		return false;
	};
	const first = profile.samples.findIndex((id) => inPackage(id));
	const last = profile.samples.findLastIndex((id) => inPackage(id));
	const byFunction = new Map<string, number>();
	let windowMs = 0;
	for (let i = Math.max(first, 0) + 1; i <= last; i++) {
		const ms = profile.timeDeltas[i] / 1000;
		windowMs += ms;
		const { functionName, url, lineNumber } = byId.get(profile.samples[i])!.callFrame;
		const file = url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '');
		const key =
			`${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
		byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
	}
	const entries = [...byFunction.entries()]
		.map(([name, ms]) => ({ name, ms, share: ms / windowMs }))
		.sort((a, b) => b.ms - a.ms);
	return { windowMs, entries };
}

const items = Number(process.env.ITEMS ?? 1000);
const concurrency = Number(process.env.CONCURRENCY ?? 32);
const lane = (process.env.LANE ?? 'node') as Lane;
const tarball = process.env.REAL_TARBALL ?? packPackage();
const real = await prepareRealN8n({
	database: (process.env.DATABASE ?? 'sqlite') as Database,
	tarball,
	items,
	latencyMs: Number(process.env.LATENCY_MS ?? 20),
	lanes: [{ lane, concurrency }],
});
const folder = mkdtempSync(join(tmpdir(), 'n8n-orange-cpuprof-'));
try {
	const times = real.execute(['--cpu-prof', `--cpu-prof-dir=${folder}`]);
	const file = readdirSync(folder).find((f) => f.endsWith('.cpuprofile'));
	if (!file) throw new Error('n8n wrote no CPU profile');
	if (process.env.PROFILE_OUT) copyFileSync(join(folder, file), process.env.PROFILE_OUT);
	const { windowMs, entries } = selfTimes(
		JSON.parse(readFileSync(join(folder, file), 'utf8')) as Profile,
	);
	const idle = entries.find((e) => e.name.startsWith('(idle)'))?.ms ?? 0;
	console.log(
		`${Object.entries(times).map(([name, ms]) => `${name}: ${ms} ms`)} (${items} items); profiled window ${windowMs.toFixed(0)} ms, of which busy ${(windowMs - idle).toFixed(0)} ms = ${((windowMs - idle) / items).toFixed(2)} ms per item`,
	);
	console.log('| self ms | share | function |\n|---|---|---|');
	for (const { name, ms, share } of entries.slice(0, Number(process.env.TOP ?? 30)))
		console.log(`| ${ms.toFixed(0)} | ${(share * 100).toFixed(1)} % | \`${name}\` |`);
} finally {
	real.stop();
	rmSync(folder, { recursive: true, force: true });
	if (!process.env.REAL_TARBALL) rmSync(join(tarball, '..'), { recursive: true, force: true });
}
