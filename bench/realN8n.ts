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
	ROOT,
	sandboxCredentials,
} from '../scripts/n8n.ts';
import { startSandboxProcess, type SandboxProcess } from './harness.ts';
import { freePort, startPostgres } from './postgres.ts';
import { benchWorkflow, type Database, type Lane, laneName } from './realN8nWorkflow.ts';
import { readTrace, TRACE_PRELOAD, type TraceRecord } from './trace/phases.ts';

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
	/**
	 * Runs the workflow once; each lane's node time in ms, from n8n's run data. `reversed` runs the
	 * lanes in the opposite order (a second workflow); `trace` loads bench/trace/preload.cjs into n8n.
	 */
	execute(
		nodeFlags?: string[],
		options?: { reversed?: boolean; trace?: boolean },
	): Record<string, number>;
	/** The requests traced by the last execution with `trace`. */
	trace(): TraceRecord[];
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
		const workflows = [options.lanes, [...options.lanes].reverse()].map((lanes, i) =>
			benchWorkflow(
				options.items,
				lanes,
				sandbox.url,
				token,
				options.latencyMs,
				i ? 'orangeBenchReversed' : 'orangeBenchRealN8n',
			),
		);
		const workflowFile = join(userFolder, 'workflow.json');
		writeFileSync(workflowFile, JSON.stringify(workflows));
		run(['import:workflow', `--input=${workflowFile}`]);

		const execute = (
			nodeFlags: string[] = [],
			{ reversed = false, trace = false }: { reversed?: boolean; trace?: boolean } = {},
		) => {
			const flags = trace ? [...nodeFlags, '--require', TRACE_PRELOAD] : nodeFlags;
			const id = workflows[reversed ? 1 : 0].id;
			const stdout = runToFile(userFolder, env, flags, id);
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
		const trace = () => readTrace(userFolder);
		return { database: options.database, sandbox, token, execute, trace, stop };
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
