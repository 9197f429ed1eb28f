/**
 * A throw-away PostgreSQL cluster for the real-n8n benchmark: Debian's PostgreSQL binaries, a
 * fresh data folder in the temp folder, a free loopback port, run as the `postgres` user when this
 * process is root (PostgreSQL refuses to run as root). Removed on `stop()`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Postgres {
	/** n8n's environment variables for this cluster's `n8n` database. */
	env: Record<string, string>;
	stop(): void;
}

/** A TCP port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}

function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
	const version = versions.find((v) => existsSync(join(root, v, 'bin', 'pg_ctl')));
	if (!version) throw new Error(`No PostgreSQL server under ${root} (apt-get install postgresql)`);
	return join(root, version, 'bin');
}

export async function startPostgres(): Promise<Postgres> {
	const bin = postgresBin();
	const asRoot = process.getuid?.() === 0;
	const run = (tool: string, args: string[]) =>
		asRoot
			? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], {
					stdio: 'pipe',
				})
			: execFileSync(join(bin, tool), args, { stdio: 'pipe' });
	const folder = mkdtempSync(join(tmpdir(), 'n8n-orange-postgres-'));
	const data = join(folder, 'data');
	mkdirSync(data);
	if (asRoot) execFileSync('chown', ['-R', 'postgres:', folder]);
	const port = await freePort();
	run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
	const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -k ${folder}`;
	run('pg_ctl', ['-D', data, '-l', join(folder, 'log'), '-o', serverOptions, '-w', 'start']);
	const stop = () => {
		try {
			run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	};
	try {
		run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'n8n']);
	} catch (error) {
		stop();
		throw error;
	}
	return {
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
		},
		stop,
	};
}
