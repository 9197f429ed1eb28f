import { defineConfig } from 'vitest/config';

// `npm run test:resilience`: the fault scenarios and the generated bad input.
export default defineConfig({
	test: {
		include: ['test/resilience/**/*.test.ts'],
		setupFiles: ['test/setup.ts'],
		testTimeout: 180_000,
		hookTimeout: 30_000,
		pool: 'forks',
	},
});
