/**
 * The per-phase table of one request's life inside a real n8n, from what bench/trace/preload.cjs
 * recorded: for each lane, the median and the 90th percentile of each phase, in ms.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TRACE_PRELOAD = fileURLToPath(new URL('preload.cjs', import.meta.url));

/** One item of this package's node (`kind: 'item'`) or one request of any node, times in ms. */
export interface TraceRecord {
	node?: string;
	kind: 'item' | 'request';
	start?: number;
	send?: number;
	token?: number;
	helper?: number;
	created?: number;
	socket?: number;
	connected?: number;
	sent?: number;
	headers?: number;
	end?: number;
	parsed?: number;
}

/** The records the last traced execution wrote, read once (the file is removed). */
export function readTrace(userFolder: string): TraceRecord[] {
	const file = join(userFolder, 'orange-trace.json');
	if (!existsSync(file)) throw new Error('The traced n8n wrote no trace (was the preload loaded?)');
	const records = JSON.parse(readFileSync(file, 'utf8')) as TraceRecord[];
	rmSync(file);
	return records;
}

type Mark = Exclude<keyof TraceRecord, 'node' | 'kind'>;

/** The phases, each from one mark to the next; a record lacking either mark is left out. */
export const PHASES: { label: string; from: Mark; to: Mark }[] = [
	{ label: 'item start → parameters read (`send` entered)', from: 'start', to: 'send' },
	{ label: 'parameters → token at hand', from: 'send', to: 'token' },
	{ label: 'token → n8n helper called', from: 'token', to: 'helper' },
	{
		label: "n8n helper → HTTP request created (n8n's auth, SSRF, agent)",
		from: 'helper',
		to: 'created',
	},
	{
		label: 'request created → socket connected (TCP connect wait)',
		from: 'created',
		to: 'connected',
	},
	{ label: 'connected → request written', from: 'connected', to: 'sent' },
	{
		label: 'written → response headers (server: 20 ms + header read)',
		from: 'sent',
		to: 'headers',
	},
	{ label: 'headers → body read', from: 'headers', to: 'end' },
	{ label: 'body read → item parsed (output built)', from: 'end', to: 'parsed' },
	{ label: 'whole request (created → body read)', from: 'created', to: 'end' },
	{ label: 'whole item (start → parsed)', from: 'start', to: 'parsed' },
];

function quantile(sorted: number[], q: number): number {
	if (!sorted.length) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export interface PhaseFigures {
	median: number;
	p90: number;
	count: number;
}

/** Per lane (node name), per phase: median and p90 over the lane's requests. */
export function phaseFigures(
	records: TraceRecord[],
	lanes: string[],
): Map<string, Map<string, PhaseFigures>> {
	const figures = new Map<string, Map<string, PhaseFigures>>();
	for (const lane of lanes) {
		const mine = records.filter((record) => record.node === lane);
		const byPhase = new Map<string, PhaseFigures>();
		for (const { label, from, to } of PHASES) {
			const values = mine
				.filter((r) => r[from] !== undefined && r[to] !== undefined)
				.map((r) => r[to]! - r[from]!)
				.sort((a, b) => a - b);
			if (values.length)
				byPhase.set(label, {
					median: quantile(values, 0.5),
					p90: quantile(values, 0.9),
					count: values.length,
				});
		}
		figures.set(lane, byPhase);
	}
	return figures;
}

/** A markdown table: a row per phase, a column per lane ("median / p90"). */
export function phaseTable(
	columns: { title: string; figures: Map<string, PhaseFigures> }[],
): string[] {
	const cell = (f: PhaseFigures | undefined) =>
		f ? `${f.median.toFixed(2)} / ${f.p90.toFixed(2)}` : '—';
	const lines = [
		`| phase, ms (median / p90) | ${columns.map((c) => c.title).join(' | ')} |`,
		`|---|${columns.map(() => '---').join('|')}|`,
	];
	for (const { label } of PHASES) {
		if (columns.every((c) => !c.figures.has(label))) continue;
		lines.push(`| ${label} | ${columns.map((c) => cell(c.figures.get(label))).join(' | ')} |`);
	}
	const counts = columns.map((c) => Math.max(0, ...[...c.figures.values()].map((f) => f.count)));
	lines.push(`| requests traced | ${counts.join(' | ')} |`);
	return lines;
}
