import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: the packed package in a real n8n (installed once into .cache/).
export default defineConfig({
	test: {
		include: ['test/e2e/**/*.test.ts'],
		testTimeout: 120_000,
		hookTimeout: 900_000,
		pool: 'forks',
		// Each file starts n8n processes of its own: one at a time.
		fileParallelism: false,
	},
});
