/**
 * The real-n8n section of bench/RESULTS.md: the figures with their spread, the verdict of issue
 * #22 (this node against the HTTP Request node), before and after, and the per-phase tables.
 */
import type { Figure, RealResults, RealRow } from './realN8nRuns.ts';
import { laneName } from './realN8nWorkflow.ts';
import { phaseFigures, phaseTable } from './trace/phases.ts';

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
/** "4.12 s (3.98–4.40)": the median and the spread of the runs. */
const spread = (f: Figure) => `${f.median.toFixed(2)} s (${f.min.toFixed(2)}–${f.max.toFixed(2)})`;
const database = (row: RealRow) => (row.database === 'sqlite' ? 'SQLite' : 'PostgreSQL');

export function realN8nReport(
	results: RealResults,
	options: { runs: number; beforeLabel?: string },
): string[] {
	const { rows, traces } = results;
	const lines = [
		`Seconds for all the checks: the median of ${options.runs} executions and, in brackets, their spread (min–max). The lanes run in one order in odd executions and in the reverse order in even ones.`,
		'',
		'| database | parallelism | plain fetch | HTTP Request, static header | HTTP Request + Orange credential | this node | this node ÷ HTTP static | this node ÷ HTTP + credential | this node ÷ plain |',
		'|---|---|---|---|---|---|---|---|---|',
	];
	for (const row of rows)
		lines.push(
			`| ${database(row)} | ${row.concurrency} | ${spread(row.plain)} | ${spread(row.httpStatic)} | ${spread(row.httpCredential)} | ${spread(row.node)} | ${ratio(row.httpStatic.median, row.node.median)} | ${ratio(row.httpCredential.median, row.node.median)} | ${ratio(row.plain.median, row.node.median)} |`,
		);
	lines.push(
		'',
		"Ratios are throughput ratios (the other side's time ÷ this node's). Goal (issue #22): this node ≥ 1.0× the HTTP Request node with a static header at 8 and at 32, and ≥ 1.5× the HTTP Request node with the same credential.",
	);
	const compared = rows.filter((row) => row.nodeBefore !== undefined);
	if (compared.length) {
		lines.push(
			'',
			`Before and after, SQLite, in this same run: this node from the package packed at ${options.beforeLabel}, in an n8n of its own with the same sandbox settings (its executions interleaved with this tree's, which goes first alternating), and from this tree.`,
			'',
			'| parallelism | this node, before | this node, now | now ÷ before | HTTP static ÷ before | HTTP static ÷ now |',
			'|---|---|---|---|---|---|',
		);
		for (const row of compared)
			lines.push(
				`| ${row.concurrency} | ${spread(row.nodeBefore!)} | ${spread(row.node)} | ${ratio(row.nodeBefore!.median, row.node.median)} | ${ratio(row.nodeBefore!.median, row.httpStatic.median)} | ${ratio(row.node.median, row.httpStatic.median)} |`,
			);
	}
	if (traces.now) lines.push('', ...phaseSection(results, rows[0]?.concurrency ?? 8));
	return lines;
}

/** Where one request's time goes, at the first parallelism, from one traced execution each. */
function phaseSection(results: RealResults, concurrency: number): string[] {
	const { now, before } = results.traces;
	const lanes = ['node', 'httpStatic', 'httpCredential'].map((lane) =>
		laneName(lane as 'node', concurrency),
	);
	const nowFigures = phaseFigures(now!, lanes);
	const columns = [];
	if (before)
		columns.push({
			title: `this node, before`,
			figures: phaseFigures(before, [lanes[0]]).get(lanes[0])!,
		});
	columns.push(
		{ title: 'this node, now', figures: nowFigures.get(lanes[0])! },
		{ title: 'HTTP Request, static header', figures: nowFigures.get(lanes[1])! },
		{ title: 'HTTP Request + credential', figures: nowFigures.get(lanes[2])! },
	);
	return [
		`Where one request's time goes at ${concurrency} in parallel (SQLite): one more execution of each package with bench/trace/preload.cjs loaded into n8n (\`node --require\`, only for this execution; the shipped nodes carry no tracing). It wraps n8n-core's \`runNode\` (which node a request belongs to), this package's \`runForEachItem\`, \`send\`, \`credentialFactsFor\` and \`sendWithCredential\` as their modules load (item start, parameters read, token at hand, n8n's helper called, item parsed), and follows every request through Node's \`http.client.request.created\` / \`http.client.response.finish\` diagnostics channels and its socket's events. Tracing adds its own small cost; these times are not the timed executions'. The HTTP Request node has no per-item marks before its request: its rows start at the request's creation.`,
		'',
		...phaseTable(columns),
	];
}
