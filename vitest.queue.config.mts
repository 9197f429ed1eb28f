import { defineConfig } from 'vitest/config';

// `npm run test:queue`: the packed package in n8n's queue mode (Redis, Postgres, a main, two workers).
export default defineConfig({
	test: {
		include: ['test/queue/**/*.test.ts'],
		testTimeout: 600_000,
		hookTimeout: 900_000,
		pool: 'forks',
		fileParallelism: false,
	},
});
