// Bundles the CLI into one ESM file: loads ~4x faster than resolving node_modules at start-up.
import {build} from 'esbuild';
import {chmod} from 'node:fs/promises';

const outfile = 'dist/cli.js';
await build({
	entryPoints: ['source/cli.tsx'],
	outfile,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	sourcemap: 'linked',
	legalComments: 'none',
	logLevel: 'warning',
	// CommonJS dependencies inside an ESM bundle still call require().
	banner: {
		js: "import {createRequire as __createRequire} from 'node:module';\nconst require = __createRequire(import.meta.url);",
	},
	// Ink loads react-devtools-core only when DEV=true; never bundle it.
	external: ['react-devtools-core'],
	define: {'process.env.NODE_ENV': '"production"'},
});
await chmod(outfile, 0o755);
