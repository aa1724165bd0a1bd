// Bundles the CLI into ESM chunks: loads ~4x faster than resolving node_modules at start-up, and the
// package needs no dependencies at install time (everything it runs is in dist/).
import {build} from 'esbuild';
import {execFileSync} from 'node:child_process';
import {relative, sep} from 'node:path';
import {realpathSync} from 'node:fs';
import {chmod, readFile, rm, writeFile} from 'node:fs/promises';
import {thirdPartyNotices} from './third-party-notices.mjs';

const outdir = 'dist';

// The patches (patches/: Ink's measuring caches kept across frames; yoga's wasm decoded from its
// data: URI instead of fetched, ~30 ms at start-up on Node 20, which has fetch) are applied here,
// where the bundle is built, not at a user's install: patch-package is idempotent, and the tests and
// the bench, which load Ink and yoga from node_modules, get the same code as the bundle because they
// build first.
execFileSync(process.execPath, ['node_modules/patch-package/index.js', '--error-on-fail'], {
	stdio: ['ignore', 'ignore', 'inherit'],
});

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
// meow bundles read-package-up and normalize-package-data for when it is not handed the package data,
// and its bundle initialises them at import: @babel/code-frame with its highlighter (for JSON errors)
// and the spdx licence tables, sorted (~15-20 ms at every start). batchtop always hands meow `pkg` and
// never reads `cli.pkg`, so none of it runs. Here the two are initialised on first use instead
// (lazy, same behaviour), and meow's options.js gets stand-ins that fail loudly, so that esbuild
// leaves out what only they used. An edit that no longer matches fails the build.
const STARTUP_EDITS = {
	'meow/build/options.js': [
		[
			"import { a as readPackageUpSync, n as normalizePackageData } from './dependencies.js';",
			[
				"const readPackageUpSync = () => { throw new Error('batchtop: meow is given pkg; readPackageUpSync is not bundled'); };",
				"const normalizePackageData = () => { throw new Error('batchtop: meow is given pkg; normalizePackageData is not bundled'); };",
			].join('\n'),
		],
	],
	'meow/build/dependencies.js': [
		[
			'var libExports = requireLib$1();',
			'var libExports = {codeFrameColumns: (...args) => requireLib$1().codeFrameColumns(...args)};',
		],
		[
			'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
			'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);',
		],
		// unicorn-magic's promisified execFile, made at import and never used by meow: it alone loads
		// node:child_process (and dgram, net's socket list) into every start that parses a command line.
		["import { execFile } from 'node:child_process';\n", ''],
		['promisify(execFile);\n', ''],
	],
	// string-width makes an Intl.Segmenter (~10 ms: ICU loads) and compiles /^\p{RGI_Emoji}$/v (~14 ms) at
	// import, though its fast path (printable ASCII) needs neither: both are made on first use instead.
	'string-width/index.js': [
		['const segmenter = new Intl.Segmenter();', 'let segmenter;'],
		['segmenter.segment(string)', '(segmenter ??= new Intl.Segmenter()).segment(string)'],
		['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'let rgiEmojiRegex;'],
		['rgiEmojiRegex.test(segment)', '(rgiEmojiRegex ??= /^\\p{RGI_Emoji}$/v).test(segment)'],
	],
};
// esbuild hands plugins real paths: a worktree whose node_modules is a symlink sees the packages under
// the link's target, so files are named relative to that.
const nodeModules = realpathSync('node_modules');
const editedFiles = new Set();
const startupEdits = {
	name: 'startup-edits',
	setup(builder) {
		builder.onLoad(
			{
				filter:
					/[\\/]node_modules[\\/](meow[\\/]build[\\/](options|dependencies)|string-width[\\/]index)\.js$/,
			},
			async (args) => {
				// Only the top-level copies (wrap-ansi's own string-width 7 is another file, left alone).
				const file = relative(nodeModules, args.path).split(sep).join('/');
				const edits = STARTUP_EDITS[file];
				if (!edits) return undefined;
				let source = await readFile(args.path, 'utf8');
				for (const [from, to] of edits) {
					if (!source.includes(from))
						throw new Error(`${args.path} has changed (no "${from}"): update build.mjs`);
					source = source.replace(from, to);
				}
				editedFiles.add(file);
				return {contents: source, loader: 'js'};
			},
		);
	},
};
// Chunk names carry content hashes: start empty so old chunks do not pile up in the package.
await rm(outdir, {recursive: true, force: true});
const result = await build({
	entryPoints: {cli: 'source/cli.tsx'},
	outdir,
	// The emulator and the TUI are loaded by import() only in the modes that use them.
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	bundle: true,
	platform: 'node',
	// On platform node esbuild prefers `main`, which for the AWS SDK is its dist-cjs build: CommonJS that
	// nothing can tree-shake, and every credential provider loaded at start. The SDK's `module` (dist-es)
	// is ESM: unused code goes and the providers it imports lazily become chunks of their own.
	mainFields: ['module', 'main'],
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	// No source maps: 5.9 MB in the package that no user's stack trace ever read.
	sourcemap: false,
	legalComments: 'none',
	// Short identifiers: V8 scans and interns fewer bytes at every start (`--once --json` ~7% faster,
	// measured A/B; whitespace and syntax alone changed nothing). No source map ships (above), so a stack
	// trace names minified functions; the messages batchtop prints never show one.
	minify: true,
	metafile: true,
	logLevel: 'warning',
	// CommonJS dependencies inside an ESM bundle still call require().
	banner: {
		js: "import {createRequire as __createRequire} from 'node:module';\nconst require = __createRequire(import.meta.url);",
	},
	plugins: [withoutInkDevtools, startupEdits],
	define: {'process.env.NODE_ENV': '"production"'},
});
// An edit that silently stopped applying (a moved package, another path) would cost every start again.
for (const file of Object.keys(STARTUP_EDITS))
	if (!editedFiles.has(file)) throw new Error(`build.mjs: the start-up edits of ${file} were not applied`);
await chmod(`${outdir}/cli.js`, 0o755);
// legalComments is 'none', so the licences of what the bundle contains ship beside it instead.
await writeFile(`${outdir}/THIRD-PARTY-NOTICES.md`, await thirdPartyNotices(result.metafile));
