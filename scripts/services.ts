/**
 * Redis and Postgres for the queue-mode suite, as child processes on loopback and free ports:
 * Debian's `redis-server` and `postgresql`, installed with apt-get when missing. Postgres runs a
 * throw-away cluster in a temp folder, trust authentication, as the `postgres` user when this
 * process is root (Postgres refuses to run as root). Everything stops with `stop()`, and is killed
 * when this process exits, also on a failure.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Service {
	host: string;
	port: number;
	stop: () => Promise<void>;
}

export interface PostgresService extends Service {
	user: string;
	database: string;
	/** Runs SQL with psql; answers its rows, one a line, columns separated by `|`. */
	query: (sql: string) => string;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
	for (const child of running) child.kill('SIGKILL');
});

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

function onPath(command: string): boolean {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** Installs Debian packages (needs root, as on CI machines); `apt-get update` first. */
export function aptInstall(packages: string[], log: (line: string) => void = console.log): void {
	log(`Installing ${packages.join(', ')} with apt-get (once)…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
	execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'ignore', env });
}

/** Starts a child and resolves once its output shows `ready`; rejects if it exits first. */
function startChild(
	command: string,
	args: string[],
	ready: RegExp,
	options: { uid?: number; gid?: number; cwd?: string } = {},
): Promise<ChildProcess> {
	const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
	running.add(child);
	let output = '';
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`${command} did not start within 60 s:\n${output.slice(-2000)}`));
		}, 60_000);
		const watch = (chunk: Buffer) => {
			output += chunk.toString();
			if (ready.test(output)) {
				clearTimeout(timer);
				resolve(child);
			}
		};
		child.stdout!.on('data', watch);
		child.stderr!.on('data', watch);
		child.on('exit', (code) => {
			running.delete(child);
			clearTimeout(timer);
			reject(new Error(`${command} exited (${code}) before it was ready:\n${output.slice(-2000)}`));
		});
	});
}

/** Stops a child with `signal`, then SIGKILL if it is still there after 10 s. */
async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	await new Promise<void>((resolve) => {
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		child.once('exit', () => {
			clearTimeout(timer);
			running.delete(child);
			resolve();
		});
		child.kill(signal);
	});
}

/** Redis on a free loopback port, nothing persisted. */
export async function startRedis(): Promise<Service> {
	if (!onPath('redis-server')) aptInstall(['redis-server']);
	const port = await freePort();
	const child = await startChild(
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
		],
		/Ready to accept connections/,
	);
	return { host: '127.0.0.1', port, stop: () => stopChild(child, 'SIGTERM') };
}

/** The newest Postgres server binaries Debian installed (`/usr/lib/postgresql/<major>/bin`). */
function postgresBin(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const majors = readdirSync(root)
		.filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? join(root, majors[0], 'bin') : undefined;
}

function postgresUser(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const id = (flag: string) =>
		Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	return { uid: id('-u'), gid: id('-g') };
}

/**
 * A throw-away Postgres cluster in a temp folder, on a free loopback port, trust authentication,
 * durability off (nothing in it outlives the run). Its superuser `postgres` and database `postgres`.
 */
export async function startPostgres(): Promise<PostgresService> {
	if (!postgresBin()) aptInstall(['postgresql']);
	const bin = postgresBin();
	if (!bin) throw new Error('apt-get installed postgresql but no /usr/lib/postgresql/*/bin');
	const user = postgresUser();
	const folder = mkdtempSync(join(tmpdir(), 'n8n-orange-pg-'));
	if (user) chownSync(folder, user.uid, user.gid);
	const data = join(folder, 'data');
	execFileSync(
		join(bin, 'initdb'),
		['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'],
		{ stdio: 'pipe', cwd: folder, ...user },
	);
	const port = await freePort();
	const child = await startChild(
		join(bin, 'postgres'),
		[
			'-D',
			data,
			'-p',
			String(port),
			'-k',
			folder,
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=200',
		],
		/database system is ready to accept connections/,
		{ cwd: folder, ...user },
	);
	return {
		host: '127.0.0.1',
		port,
		user: 'postgres',
		database: 'postgres',
		query: (sql) =>
			execFileSync(
				join(bin, 'psql'),
				[
					'-h',
					'127.0.0.1',
					'-p',
					String(port),
					'-U',
					'postgres',
					'-d',
					'postgres',
					'-At',
					'-c',
					sql,
				],
				{ encoding: 'utf8' },
			).trim(),
		stop: async () => {
			// SIGINT: Postgres's fast shutdown.
			await stopChild(child, 'SIGINT');
			rmSync(folder, { recursive: true, force: true });
		},
	};
}
