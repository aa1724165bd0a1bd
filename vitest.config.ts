import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
		// Integration tests start real HTTP servers; a generous timeout absorbs a busy 2-core CI machine.
		testTimeout: 30_000,
		hookTimeout: 30_000,
		pool: 'forks',
		// Spawned-CLI tests run dist/cli.js: build it from the current source first.
		globalSetup: ['./test/support/build-dist.ts'],
		// Ink styles through chalk, which sees no TTY under test; level 1 (16 colours) lets tests see styling.
		env: {FORCE_COLOR: '1'},
		reporters: ['default', './test/support/plain-summary-reporter.ts'],
	},
});
