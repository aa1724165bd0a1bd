// Bundles the CLI into ESM chunks: loads ~4x faster than resolving node_modules at start-up.
import {build} from 'esbuild';
import {chmod, rm} from 'node:fs/promises';

const outdir = 'dist';

// Ink imports react-devtools-core (an optional dev tool) only when DEV=true, but a bundle would hoist
// that import to the top and fail at start-up without it. A no-op stand-in keeps the bundle whole.
const withoutInkDevtools = {
	name: 'without-ink-devtools',
	setup(builder) {
		builder.onResolve({filter: /^react-devtools-core$/}, () => ({
			path: 'react-devtools-core',
			namespace: 'stub',
		}));
		builder.onLoad({filter: /.*/, namespace: 'stub'}, () => ({
			contents: 'export default {initialize() {}, connectToDevTools() {}};',
		}));
	},
};
// Chunk names carry content hashes: start empty so old chunks do not pile up in the package.
await rm(outdir, {recursive: true, force: true});
await build({
	entryPoints: {cli: 'source/cli.tsx'},
	outdir,
	// The emulator and the TUI are loaded by import() only in the modes that use them.
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
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
	plugins: [withoutInkDevtools],
	define: {'process.env.NODE_ENV': '"production"'},
});
await chmod(`${outdir}/cli.js`, 0o755);
