/**
 * Eligibility checks where users run the node: a real n8n (the n8n CLI of the cached n8n install,
 * `n8n execute`), the packed package installed as n8n installs a community package, on SQLite and
 * on PostgreSQL. One workflow holds every lane side by side — the Orange Eligibility node (Check by
 * ND, the ND mapped by expression), n8n's HTTP Request node with a static Bearer header and with
 * the Orange Eligibility credential — each node's time is read from n8n's own run data. A plain
 * `fetch` loop at the same parallelism, outside n8n, gives the wire's limit.
 */
import {
	closeSync,
	existsSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';

import { sandboxToken } from '../sandbox/client.ts';
import {
	ensureN8n,
	executedRun,
	installPackage,
	n8n,
	N8N_BIN,
	n8nEnvironment,
	N8N_VERSION,
	ROOT,
	sandboxCredentials,
} from '../scripts/n8n.ts';
import { median, pool, startSandboxProcess, type SandboxProcess } from './harness.ts';
import { freePort, startPostgres } from './postgres.ts';
import {
	benchWorkflow,
	type Database,
	type Lane,
	laneName,
	LANES,
	ndRows,
} from './realN8nWorkflow.ts';
import { CHECK_PATH, checkBody } from './wire.ts';

export { type Database, type Lane, LANES } from './realN8nWorkflow.ts';

interface TaskData {
	executionTime: number;
	data?: { main: { json: Record<string, unknown> }[][] };
	error?: { message: string };
}

/** A user folder of the cached n8n with the package, the sandbox credentials and one workflow. */
export interface RealN8n {
	database: Database;
	sandbox: SandboxProcess;
	token: string;
	/** Runs the workflow once; each lane's node time in ms, from n8n's run data. */
	execute(nodeFlags?: string[]): Record<string, number>;
	stop(): void;
}

/** Packs this package once (`npm pack`, as published). */
export function packPackage(): string {
	const folder = mkdtempSync(join(tmpdir(), 'n8n-orange-pack-'));
	execFileSync('npm', ['pack', '--pack-destination', folder], { cwd: ROOT, stdio: 'pipe' });
	return join(folder, readdirSync(folder).find((f) => f.endsWith('.tgz'))!);
}

export async function prepareRealN8n(options: {
	database: Database;
	tarball: string;
	items: number;
	latencyMs: number;
	lanes: { lane: Lane; concurrency: number }[];
}): Promise<RealN8n> {
	// The cached n8n, installed by the end-to-end suite (or by this call, once).
	if (!existsSync(N8N_BIN)) ensureN8n();
	const cleanups: (() => void)[] = [];
	const stop = () => {
		for (const cleanup of cleanups.reverse()) cleanup();
	};
	try {
		const sandbox = await startSandboxProcess(['--latency', String(options.latencyMs)]);
		cleanups.push(() => sandbox.stop());
		const userFolder = mkdtempSync(join(tmpdir(), 'n8n-orange-bench-'));
		cleanups.push(() => rmSync(userFolder, { recursive: true, force: true }));
		const env: Record<string, string> = {
			N8N_PORT: String(await freePort()),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		};
		if (options.database === 'postgres') {
			const postgres = await startPostgres();
			cleanups.push(() => postgres.stop());
			Object.assign(env, postgres.env);
		}
		installPackage(userFolder, options.tarball);
		const token = await sandboxToken(sandbox.url);
		const run = (args: string[]) => {
			const result = n8n(userFolder, args, env);
			if (result.status !== 0)
				throw new Error(`n8n ${args[0]} failed: ${result.stderr.slice(-2000)}`);
		};
		const credentialsFile = join(userFolder, 'credentials.json');
		writeFileSync(credentialsFile, JSON.stringify(sandboxCredentials(sandbox.url)));
		run(['import:credentials', `--input=${credentialsFile}`]);
		const workflow = benchWorkflow(
			options.items,
			options.lanes,
			sandbox.url,
			token,
			options.latencyMs,
		);
		const workflowFile = join(userFolder, 'workflow.json');
		writeFileSync(workflowFile, JSON.stringify(workflow));
		run(['import:workflow', `--input=${workflowFile}`]);

		const execute = (nodeFlags: string[] = []) => {
			const stdout = runToFile(userFolder, env, nodeFlags, workflow.id);
			const printed = executedRun<{
				data: {
					resultData: {
						runData: Record<string, TaskData[]>;
						error?: { message: string; node?: { name: string } };
					};
				};
			}>(stdout);
			if (!printed) throw new Error(`n8n execute printed no run:\n${stdout.slice(-3000)}`);
			const { runData, error } = printed.run.data.resultData;
			if (error) throw new Error(`The run failed at ${error.node?.name}: ${error.message}`);
			return Object.fromEntries(
				options.lanes.map(({ lane, concurrency }) => {
					const name = laneName(lane, concurrency);
					return [name, laneTime(name, runData[name]?.[0], lane, options.items)];
				}),
			);
		};
		return { database: options.database, sandbox, token, execute, stop };
	} catch (error) {
		stop();
		throw error;
	}
}

/**
 * `n8n execute --rawOutput` with its output into a file: n8n exits as soon as it has written the run,
 * and a pipe would lose what was not flushed yet (the run of 1,000 items per lane is megabytes).
 */
function runToFile(
	userFolder: string,
	env: Record<string, string>,
	nodeFlags: string[],
	workflowId: string,
): string {
	const file = join(userFolder, 'run.json');
	const fd = openSync(file, 'w');
	let result: ReturnType<typeof spawnSync>;
	try {
		result = spawnSync(
			process.execPath,
			[...nodeFlags, N8N_BIN, 'execute', `--id=${workflowId}`, '--rawOutput'],
			{ env: n8nEnvironment(userFolder, env), stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' },
		);
	} finally {
		closeSync(fd);
	}
	const stdout = readFileSync(file, 'utf8');
	// A failed node makes n8n exit 1 after printing the run: its lane then says what failed.
	if (result.status !== 0 && !/^\{/m.test(stdout))
		throw new Error(
			`n8n execute exited with ${result.status}: ${stdout.slice(-2000)}${String(result.stderr).slice(-2000)}`,
		);
	return stdout;
}

/** A lane's node time, once its output is checked: every item answered, none an error. */
function laneTime(name: string, task: TaskData | undefined, lane: Lane, items: number): number {
	const output = task?.data?.main[0] ?? [];
	if (!task || task.error || output.length !== items)
		throw new Error(`${name}: ${task?.error?.message ?? `${output.length} items of ${items}`}`);
	const answered = (json: Record<string, unknown>) =>
		lane === 'node'
			? typeof json.eligible === 'boolean'
			: Array.isArray(json.productOfferingQualificationItem);
	const wrong = output.findIndex((item) => !answered(item.json));
	if (wrong >= 0)
		throw new Error(
			`${name}: item ${wrong} is not an answer: ${JSON.stringify(output[wrong].json).slice(0, 300)}`,
		);
	return task.executionTime;
}

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

export interface RealRow {
	database: Database;
	concurrency: number;
	/** Seconds for all items, medians of the runs. */
	node: number;
	httpStatic: number;
	httpCredential: number;
	plain: number;
	/** This node from the package of `REAL_BEFORE` (SQLite only), when given. */
	nodeBefore?: number;
}

/** The node lane alone, from another packed package (an earlier commit): medians of `runs`, in s. */
async function nodeLaneOf(options: {
	tarball: string;
	items: number;
	latencyMs: number;
	runs: number;
	parallelisms: number[];
}): Promise<Map<number, number>> {
	const lanes = options.parallelisms.map((concurrency) => ({ lane: 'node' as Lane, concurrency }));
	const real = await prepareRealN8n({ ...options, database: 'sqlite', lanes });
	try {
		const times: Record<string, number[]> = {};
		for (let run = 0; run < options.runs; run++)
			for (const [name, ms] of Object.entries(real.execute())) (times[name] ??= []).push(ms);
		return new Map(options.parallelisms.map((c) => [c, median(times[laneName('node', c)]) / 1000]));
	} finally {
		real.stop();
	}
}

/** Every lane at every parallelism, on each database: medians of `runs` executions. */
export async function realN8nThroughput(options: {
	items: number;
	latencyMs: number;
	runs: number;
	parallelisms: number[];
	databases: Database[];
	log?: (line: string) => void;
}): Promise<RealRow[]> {
	const log = options.log ?? (() => {});
	// REAL_TARBALL: a package packed earlier (the figures before a change, say).
	const tarball = process.env.REAL_TARBALL ?? packPackage();
	const lanes = options.parallelisms.flatMap((concurrency) =>
		LANES.map((lane) => ({ lane, concurrency })),
	);
	const rows: RealRow[] = [];
	for (const database of options.databases) {
		log(`real n8n ${N8N_VERSION} on ${database}: preparing`);
		const real = await prepareRealN8n({ ...options, database, tarball, lanes });
		try {
			const times: Record<string, number[]> = {};
			const record = (key: string, ms: number) => (times[key] ??= []).push(ms);
			for (let run = 0; run < options.runs; run++) {
				for (const [name, ms] of Object.entries(real.execute())) record(name, ms);
				for (const concurrency of options.parallelisms)
					record(
						`plain ×${concurrency}`,
						await plainFetch(real.sandbox.url, real.token, options.items, concurrency),
					);
				log(`real n8n on ${database}: run ${run + 1} of ${options.runs} done`);
			}
			const seconds = (key: string) => median(times[key]) / 1000;
			for (const concurrency of options.parallelisms)
				rows.push({
					database,
					concurrency,
					node: seconds(laneName('node', concurrency)),
					httpStatic: seconds(laneName('httpStatic', concurrency)),
					httpCredential: seconds(laneName('httpCredential', concurrency)),
					plain: seconds(`plain ×${concurrency}`),
				});
		} finally {
			real.stop();
		}
	}
	if (!process.env.REAL_TARBALL) rmSync(join(tarball, '..'), { recursive: true, force: true });
	// REAL_BEFORE: a package packed from an earlier commit, its node lane run the same way.
	if (process.env.REAL_BEFORE) {
		log(`real n8n ${N8N_VERSION} on sqlite: the package before`);
		const before = await nodeLaneOf({ ...options, tarball: process.env.REAL_BEFORE });
		for (const row of rows)
			if (row.database === 'sqlite') row.nodeBefore = before.get(row.concurrency);
	}
	return rows;
}
