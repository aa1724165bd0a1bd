import {execFileSync} from 'node:child_process';

// vitest global setup: CLI tests spawn dist/cli.js, so dist/ is rebuilt from the current source before
// any test runs, whether `npm test` or `npx vitest run test/cli/one.test.ts` started the run.
export default function setup(): void {
	execFileSync(process.execPath, ['scripts/build.mjs'], {stdio: 'inherit'});
}
