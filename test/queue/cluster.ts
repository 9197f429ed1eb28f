/**
 * n8n in queue mode on one machine, for `npm run test:queue`: Redis and Postgres (scripts/services.ts),
 * one n8n user folder with the packed package installed as a community package, shared by a main
 * (`n8n start`) and workers (`n8n worker`), every port free. Processes log to files in the user
 * folder; their output is kept so that the suite can tell which worker ran what.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
	appendFileSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	installPackedPackage,
	N8N_BIN,
	n8nEnvironment,
	sandboxCredentials,
} from '../../scripts/n8n.ts';
import {
	freePort,
	type PostgresService,
	type Service,
	startPostgres,
	startRedis,
} from '../../scripts/services.ts';

export interface N8nProcess {
	name: string;
	child: ChildProcess;
	/** Everything it printed so far. */
	output: () => string;
	/** `http://127.0.0.1:<port>` for a main. */
	base: string;
	stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export interface Cluster {
	userFolder: string;
	redis: Service;
	postgres: PostgresService;
	/** Variables every n8n process of the cluster gets (with `extra` of each start on top). */
	environment: (extra?: Record<string, string>) => NodeJS.ProcessEnv;
	/** One n8n CLI command against the cluster's database. */
	cli: (args: string[]) => string;
	startMain: (extra?: Record<string, string>) => Promise<N8nProcess>;
	startWorker: (name: string, extra?: Record<string, string>) => Promise<N8nProcess>;
	/** Stops every n8n process still running, then Redis and Postgres. */
	stop: () => Promise<void>;
}

/**
 * What queue mode needs (n8n 2.40): Postgres shared by all, Redis for the Bull queue, one encryption
 * key (the user folder's), manual executions sent to workers too. The stalled-job timings are
 * shortened (n8n: lock 60 s, check every 30 s) so that a killed worker is noticed within seconds.
 */
function queueVariables(redis: Service, postgres: PostgresService): Record<string, string> {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_PASSWORD: '',
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		QUEUE_WORKER_LOCK_DURATION: '10000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: 'info',
	};
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
	for (const child of running) child.kill('SIGKILL');
});

function spawnN8n(
	name: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	logFile: string,
	base = '',
): N8nProcess {
	const child = spawn(process.execPath, [N8N_BIN, ...args], {
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	running.add(child);
	let output = '';
	const keep = (chunk: Buffer) => {
		output += chunk.toString();
		appendFileSync(logFile, chunk);
	};
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	const exited = new Promise<void>((resolve) =>
		child.on('exit', () => {
			running.delete(child);
			resolve();
		}),
	);
	return {
		name,
		child,
		output: () => output,
		base,
		stop: async (signal = 'SIGTERM') => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
			child.kill(signal);
			await exited;
			clearTimeout(timer);
		},
	};
}

async function waitFor(what: string, process: N8nProcess, ready: () => Promise<boolean>) {
	for (let i = 0; i < 1200; i++) {
		if (process.child.exitCode !== null)
			throw new Error(`${what} exited (${process.child.exitCode}):\n${process.output().slice(-3000)}`);
		if (await ready().catch(() => false)) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	await process.stop('SIGKILL');
	throw new Error(`${what} did not start in 5 minutes:\n${process.output().slice(-3000)}`);
}

/** Starts Redis and Postgres, makes the user folder and installs the packed package into it. */
export async function startCluster(sandboxUrl: string): Promise<Cluster> {
	const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
	const processes: N8nProcess[] = [];
	try {
		const userFolder = mkdtempSync(join(tmpdir(), 'n8n-orange-queue-'));
		mkdirSync(join(userFolder, 'logs'));
		installPackedPackage(userFolder);
		const variables = queueVariables(redis, postgres);
		const environment = (extra: Record<string, string> = {}) =>
			n8nEnvironment(userFolder, { ...variables, ...extra });
		const cli = (args: string[]) => {
			const result = spawnSync(process.execPath, [N8N_BIN, ...args], {
				env: environment(),
				encoding: 'utf8',
			});
			if (result.status !== 0)
				throw new Error(`n8n ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
			return result.stdout;
		};
		const credentialsFile = join(userFolder, 'credentials.json');
		writeFileSync(credentialsFile, JSON.stringify(sandboxCredentials(sandboxUrl)));
		cli(['import:credentials', `--input=${credentialsFile}`]);

		const log = (name: string) => join(userFolder, 'logs', `${name}.log`);
		const cluster: Cluster = {
			userFolder,
			redis,
			postgres,
			environment,
			cli,
			startMain: async (extra = {}) => {
				const port = await freePort();
				const main = spawnN8n(
					'main',
					['start'],
					environment({
						N8N_PORT: String(port),
						N8N_RUNNERS_BROKER_PORT: String(await freePort()),
						...extra,
					}),
					log('main'),
					`http://127.0.0.1:${port}`,
				);
				processes.push(main);
				await waitFor('n8n main', main, async () => {
					// Up once the REST API answers JSON (the UI answers earlier).
					const response = await fetch(`${main.base}/rest/settings`);
					return response.ok && (response.headers.get('content-type') ?? '').includes('json');
				});
				return main;
			},
			startWorker: async (name, extra = {}) => {
				const worker = spawnN8n(
					name,
					['worker', '--concurrency=10'],
					environment({ N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...extra }),
					log(name),
				);
				processes.push(worker);
				await waitFor(`n8n ${name}`, worker, async () =>
					worker.output().includes('n8n worker is now ready'),
				);
				return worker;
			},
			stop: async () => {
				await Promise.all(processes.map((p) => p.stop()));
				await Promise.all([redis.stop(), postgres.stop()]);
				if (!process.env.QUEUE_KEEP_LOGS) rmSync(userFolder, { recursive: true, force: true });
			},
		};
		return cluster;
	} catch (error) {
		await Promise.all(processes.map((p) => p.stop('SIGKILL')));
		await Promise.all([redis.stop(), postgres.stop()]);
		throw error;
	}
}

/** Imports workflow objects and publishes them (n8n activates published workflows when main starts). */
export function importAndPublish(cluster: Cluster, workflows: { id: string }[]): void {
	const folder = mkdtempSync(join(cluster.userFolder, 'workflows-'));
	for (const workflow of workflows)
		writeFileSync(join(folder, `${workflow.id}.json`), JSON.stringify(workflow));
	cluster.cli(['import:workflow', '--separate', `--input=${folder}`]);
	for (const workflow of workflows) cluster.cli(['publish:workflow', `--id=${workflow.id}`]);
}

/** Executions a worker started, from its log ("Worker started execution N"). */
export function startedExecutions(worker: N8nProcess): string[] {
	return [...worker.output().matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]);
}

/** The process's resident memory now and its peak since the last `resetPeak` (Linux /proc), bytes. */
export function memoryOf(pid: number): { rss: number; peak: number } {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
	return { rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024 };
}

/** Resets the peak resident memory Linux reports for a process (VmHWM). */
export function resetPeak(pid: number): void {
	writeFileSync(`/proc/${pid}/clear_refs`, '5');
}
