import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		setupFiles: ['test/setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// The suites start their own sandbox on a random port, so they can run in parallel.
		pool: 'forks',
	},
});
