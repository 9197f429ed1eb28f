import { createRequire } from 'node:module';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

import { ensureN8n } from './scripts/n8n.ts';
import { engineHome } from './test/helpers/n8nEngineFrom.ts';

// `npm run test:resilience`: the fault scenarios and the generated bad input, in n8n-core 2.x; with
// N8N_VERSION=1.123.81, in that n8n's own engine (n8n-core 1.x and its request helpers, from its
// install in the cache, installed here if needed).
const engine = engineHome();
if (engine) ensureN8n();

export default defineConfig({
	resolve: engine
		? { alias: { 'n8n-core': createRequire(join(engine, 'package.json')).resolve('n8n-core') } }
		: {},
	test: {
		include: ['test/resilience/**/*.test.ts'],
		setupFiles: ['test/setup.ts', 'test/helpers/engineSetup.ts'],
		testTimeout: 180_000,
		hookTimeout: 30_000,
		pool: 'forks',
	},
});
