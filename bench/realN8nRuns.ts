/**
 * The real-n8n benchmark's runs: every lane at every parallelism, `runs` executions per database,
 * the order of the lanes alternated from one execution to the next (a second workflow with the
 * lanes reversed), and — with REAL_BEFORE, a package packed from an earlier commit — that
 * package's node lanes in an n8n of their own, its executions interleaved with this tree's (which
 * goes first alternates too). Each figure: the median, with the spread (min–max). Then one traced
 * execution of each package (bench/trace): where one request's time goes, phase by phase.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { N8N_VERSION } from '../scripts/n8n.ts';
import { median, pool } from './harness.ts';
import {
	type Database,
	type Lane,
	LANES,
	packPackage,
	prepareRealN8n,
	type RealN8n,
} from './realN8n.ts';
import { laneName, ndRows } from './realN8nWorkflow.ts';
import type { TraceRecord } from './trace/phases.ts';
import { CHECK_PATH, checkBody } from './wire.ts';

/** `items` checks with a plain `fetch` loop keeping `concurrency` requests in flight; ms. */
export async function plainFetch(
	sandboxUrl: string,
	token: string,
	items: number,
	concurrency: number,
): Promise<number> {
	const rows = ndRows(items);
	const started = performance.now();
	await pool(items, concurrency, async (index) => {
		const send = () =>
			fetch(`${sandboxUrl}${CHECK_PATH}`, {
				method: 'POST',
				headers: {
					Authorization: `Bearer ${token}`,
					Accept: 'application/json',
					'Content-Type': 'application/json',
				},
				body: checkBody({ kind: 'line', nd: rows[index].nd, ndStatus: 'active' }),
			});
		// A kept-alive connection the sandbox closed while n8n ran (minutes) fails once: send again.
		const response = await send().catch(send);
		if (response.status !== 200) throw new Error(`plain fetch: HTTP ${response.status}`);
		await response.json();
	});
	return performance.now() - started;
}

/** A figure in seconds: the median of the runs and their spread. */
export interface Figure {
	median: number;
	min: number;
	max: number;
}

function figureOf(ms: number[]): Figure {
	return { median: median(ms) / 1000, min: Math.min(...ms) / 1000, max: Math.max(...ms) / 1000 };
}

export interface RealRow {
	database: Database;
	concurrency: number;
	node: Figure;
	httpStatic: Figure;
	httpCredential: Figure;
	plain: Figure;
	/** This node from the package of `REAL_BEFORE` (SQLite only), when given. */
	nodeBefore?: Figure;
}

export interface RealResults {
	rows: RealRow[];
	/** One traced execution of this tree (every lane) and of the package before (its node lanes). */
	traces: { now?: TraceRecord[]; before?: TraceRecord[] };
}

const lanesOf = (kinds: Lane[], parallelisms: number[]) =>
	parallelisms.flatMap((concurrency) => kinds.map((lane) => ({ lane, concurrency })));

/** Every lane at every parallelism, on each database: medians of `runs` executions. */
export async function realN8nThroughput(options: {
	items: number;
	latencyMs: number;
	runs: number;
	parallelisms: number[];
	databases: Database[];
	log?: (line: string) => void;
}): Promise<RealResults> {
	const log = options.log ?? (() => {});
	// REAL_TARBALL: a package packed earlier (the figures before a change, say).
	const tarball = process.env.REAL_TARBALL ?? packPackage();
	const beforeTarball = process.env.REAL_BEFORE;
	const rows: RealRow[] = [];
	const traces: RealResults['traces'] = {};
	for (const database of options.databases) {
		log(`real n8n ${N8N_VERSION} on ${database}: preparing`);
		const started: RealN8n[] = [];
		try {
			const lanes = lanesOf(LANES, options.parallelisms);
			const real = await prepareRealN8n({ ...options, database, tarball, lanes });
			started.push(real);
			const before =
				beforeTarball && database === 'sqlite'
					? await prepareRealN8n({
							...options,
							database,
							tarball: beforeTarball,
							lanes: lanesOf(['node'], options.parallelisms),
						})
					: undefined;
			if (before) started.push(before);
			const times: Record<string, number[]> = {};
			const record = (key: string, ms: number) => (times[key] ??= []).push(ms);
			for (let run = 0; run < options.runs; run++) {
				const reversed = run % 2 === 1;
				const executeNow = () => {
					for (const [name, ms] of Object.entries(real.execute([], { reversed }))) record(name, ms);
				};
				const executeBefore = () => {
					if (!before) return;
					for (const [name, ms] of Object.entries(before.execute([], { reversed })))
						record(`before ${name}`, ms);
				};
				if (reversed) {
					executeBefore();
					executeNow();
				} else {
					executeNow();
					executeBefore();
				}
				for (const concurrency of reversed
					? [...options.parallelisms].reverse()
					: options.parallelisms)
					record(
						`plain ×${concurrency}`,
						await plainFetch(real.sandbox.url, real.token, options.items, concurrency),
					);
				log(`real n8n on ${database}: run ${run + 1} of ${options.runs} done`);
			}
			const figure = (key: string) => figureOf(times[key]);
			for (const concurrency of options.parallelisms)
				rows.push({
					database,
					concurrency,
					node: figure(laneName('node', concurrency)),
					httpStatic: figure(laneName('httpStatic', concurrency)),
					httpCredential: figure(laneName('httpCredential', concurrency)),
					plain: figure(`plain ×${concurrency}`),
					nodeBefore: before ? figure(`before ${laneName('node', concurrency)}`) : undefined,
				});
			if (database === 'sqlite' && process.env.REAL_TRACE !== '0') {
				log(`real n8n on ${database}: one traced execution per package`);
				real.execute([], { trace: true });
				traces.now = real.trace();
				if (before) {
					before.execute([], { trace: true });
					traces.before = before.trace();
				}
			}
		} finally {
			for (const real of started) real.stop();
		}
	}
	if (!process.env.REAL_TARBALL) rmSync(join(tarball, '..'), { recursive: true, force: true });
	return { rows, traces };
}
