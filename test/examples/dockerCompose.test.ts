/**
 * examples/docker-compose.yml, the README's queue-mode recipe, parsed and checked (there is no
 * Docker on CI to run it): a main and two workers of the n8n version the suites test, sharing
 * Postgres, Redis, one encryption key, one user folder holding this package, and a volume for
 * binary data; the README names every variable it sets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { N8N_VERSION, ROOT } from '../../scripts/n8n.ts';

interface ComposeService {
	image?: string;
	command?: string | string[];
	entrypoint?: string[];
	environment?: Record<string, string>;
	volumes?: string[];
	ports?: string[];
	depends_on?: Record<string, { condition: string }>;
	deploy?: { replicas?: number };
	healthcheck?: unknown;
	user?: string;
}

const compose = parse(readFileSync(join(ROOT, 'examples/docker-compose.yml'), 'utf8'), {
	merge: true,
}) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> };
const { services } = compose;
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	name: string;
	version: string;
};
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

const main = services.n8n;
const worker = services['n8n-worker'];
const n8nServices = { main, worker };

/** The named volume mounted at `path` in a service, if any. */
function volumeAt(service: ComposeService, path: string): string | undefined {
	const mount = (service.volumes ?? []).find((volume) => volume.split(':')[1] === path);
	const name = mount?.split(':')[0];
	return name && name in compose.volumes ? name : undefined;
}

describe('examples/docker-compose.yml (n8n queue mode)', () => {
	it('runs Postgres, Redis, a main and two workers of the n8n version the suites test', () => {
		expect(Object.keys(services).sort()).toEqual(
			['install-orange', 'n8n', 'n8n-worker', 'postgres', 'redis'].sort(),
		);
		for (const service of [main, worker, services['install-orange']])
			expect(service.image).toBe(`docker.n8n.io/n8nio/n8n:${N8N_VERSION}`);
		expect(main.command).toBeUndefined();
		expect(main.ports).toContain('5678:5678');
		expect(String(worker.command).split(' ')[0]).toBe('worker');
		expect(worker.deploy?.replicas).toBe(2);
		expect(services.postgres.healthcheck).toBeDefined();
		expect(services.redis.healthcheck).toBeDefined();
	});

	it.each(Object.entries(n8nServices))('gives the %s what queue mode needs', (_, service) => {
		const env = service.environment ?? {};
		const postgres = services.postgres.environment ?? {};
		expect(env).toMatchObject({
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: 'postgres',
			DB_POSTGRESDB_PORT: '5432',
			DB_POSTGRESDB_DATABASE: postgres.POSTGRES_DB,
			DB_POSTGRESDB_USER: postgres.POSTGRES_USER,
			DB_POSTGRESDB_PASSWORD: postgres.POSTGRES_PASSWORD,
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: 'redis',
			QUEUE_BULL_REDIS_PORT: '6379',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		});
		expect(env.N8N_ENCRYPTION_KEY).toMatch(/^\$\{N8N_ENCRYPTION_KEY:\?/);
		expect(env.N8N_ENCRYPTION_KEY).toBe(main.environment?.N8N_ENCRYPTION_KEY);
		// Files go to a volume every container mounts, not into Postgres.
		expect(volumeAt(service, env.N8N_BINARY_DATA_STORAGE_PATH)).toBeDefined();
		expect(volumeAt(service, env.N8N_BINARY_DATA_STORAGE_PATH)).toBe(
			volumeAt(main, main.environment!.N8N_BINARY_DATA_STORAGE_PATH),
		);
		expect(service.depends_on).toMatchObject({
			postgres: { condition: 'service_healthy' },
			redis: { condition: 'service_healthy' },
			'install-orange': { condition: 'service_completed_successfully' },
		});
	});

	it('installs this package, at its version, into the user folder the main and the workers share', () => {
		const install = services['install-orange'];
		const script = [install.entrypoint ?? [], install.command ?? []].flat().join(' ');
		expect(script).toContain('cd /home/node/.n8n/nodes');
		expect(script).toMatch(
			new RegExp(`npm install .*\\b${packageJson.name}@${packageJson.version.replaceAll('.', '\\.')}\\b`),
		);
		const userFolder = volumeAt(install, '/home/node/.n8n');
		expect(userFolder).toBeDefined();
		expect(volumeAt(main, '/home/node/.n8n')).toBe(userFolder);
		expect(volumeAt(worker, '/home/node/.n8n')).toBe(userFolder);
	});

	it("is the README's recipe, which names every variable it sets", () => {
		const section = readme.split('\n## ').find((part) => part.startsWith('Scaling out'));
		expect(section).toBeDefined();
		expect(section).toContain('examples/docker-compose.yml');
		for (const name of Object.keys({ ...main.environment, ...worker.environment }))
			expect(section, name).toContain(name);
	});
});
