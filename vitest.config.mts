import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		// The resilience, end-to-end and queue-mode suites run on their own (npm run test:resilience, test:e2e, test:queue).
		exclude: ['test/resilience/**', 'test/e2e/**', 'test/queue/**', 'node_modules/**'],
		setupFiles: ['test/setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// The suites start their own sandbox on a random port, so they can run in parallel.
		pool: 'forks',
	},
});
