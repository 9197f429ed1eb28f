import { defineConfig } from 'vitest/config';

import { DEFAULT_N8N_VERSION } from './scripts/n8nRuntime.ts';

// `npm run test:e2e`: the packed package in a real n8n (installed once into the cache), the n8n
// that N8N_VERSION selects (default 2.40.7). The editor suite (Chromium) runs on the default n8n
// only: it tests n8n's UI around the package (about 3 minutes of CI), while what the package does
// at run time — every CLI and webhook test — runs on each n8n.
const editor = (process.env.N8N_VERSION || DEFAULT_N8N_VERSION) === DEFAULT_N8N_VERSION;

export default defineConfig({
	test: {
		include: ['test/e2e/**/*.test.ts'],
		exclude: editor ? [] : ['test/e2e/editor.e2e.test.ts'],
		globalSetup: ['test/e2e/globalSetup.ts'],
		testTimeout: 120_000,
		hookTimeout: 900_000,
		pool: 'forks',
		// Each file starts n8n processes of its own: one at a time.
		fileParallelism: false,
	},
});
