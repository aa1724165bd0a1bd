#!/usr/bin/env node
import './cli/memory-mode.js';
import './ui/terminal/interactive-environment.js';
import './omics/sdk-environment.js';
import type Meow from 'meow';
import packageJson from '../package.json' with {type: 'json'};
import {FLAGS, HELP, kebabCase, type Flags} from './cli/cli-flags.js';
import {ExitCode} from './domain/exit-policy.js';
import {routeProcessWarnings, startDiagnosticsLog} from './output/diagnostics-log.js';
import {endQuietlyWhenStdoutCloses} from './output/closed-stdout.js';
import {guardedLineWriter, guardJson, writeErrorLine} from './output/output-guard.js';

/** Parses the command line into one config, then runs that mode; every bad input ends in one line and exit 2. */
async function main(): Promise<number> {
	endQuietlyWhenStdoutCloses();
	routeProcessWarnings();
	const argv = process.argv.slice(2);
	// -h, --help and --version anywhere before `--` (meow honours them only alone on the line).
	const options = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
	if (options.includes('-h') || options.includes('--help')) return printed(`${helpText()}\n`);
	if (options.includes('--version')) return printed(`${packageJson.version}\n`);
	// Only now the rest: --version and --help need none of it (cli/startup-modules.ts).
	const {
		defaultConfigFilePath,
		readConfigFile,
		runEmulatorCommand,
		parseFailuresConfig,
		rejectFailuresFlagsElsewhere,
		parseConfig,
		printConfigLines,
		printConfigRecord,
		rejectUnknownFlags,
		UsageError,
		meow,
		runWatch,
	} = await import('./cli/startup-modules.js');
	rejectUnknownFlags(argv, FLAGS);
	const {input, flags} = parseArguments(meow, argv, UsageError);
	// The config file is read (and validated, in parseConfig) before anything touches the terminal or
	// the network; the emulator takes none of its settings.
	const configPath = input[0] === 'emulator' ? undefined : defaultConfigFilePath(process.env);
	if (input[0] === 'failures') {
		const failures = parseFailuresConfig(
			input,
			flags,
			process.env,
			configPath === undefined ? undefined : readConfigFile(configPath),
		);
		startDiagnosticsLog(process.env['BATCHTOP_DIAGNOSTICS']);
		// Loaded only here: the watch and --version never parse it.
		const {runFailuresCommand} = await import('./cli/failures-command.js');
		return runFailuresCommand(failures);
	}
	rejectFailuresFlagsElsewhere(flags);
	const config = parseConfig(
		input,
		flags,
		{stdinIsTty: process.stdin.isTTY === true, stdoutIsTty: process.stdout.isTTY === true},
		process.env,
		configPath === undefined ? undefined : readConfigFile(configPath),
	);
	// Every line batchtop prints to stdout passes the output guard here.
	const write = guardedLineWriter(process.stdout);
	if (config.command === 'print-config') {
		if (config.json) write(guardJson(printConfigRecord(config)));
		else for (const line of printConfigLines(config)) write(line);
		return ExitCode.ok;
	}
	startDiagnosticsLog(process.env['BATCHTOP_DIAGNOSTICS']);
	if (config.command === 'emulator') {
		await runEmulatorCommand(config.options, write);
		return ExitCode.ok;
	}
	return runWatch(config, write);
}

/**
 * meow's parse, typed from FLAGS (no cast: its result is assignable to Flags). Booleans have no
 * default, so an absent flag is undefined; a flag given twice is a one-line usage error, not meow's throw.
 */
function parseArguments(
	meow: typeof Meow,
	argv: readonly string[],
	UsageError: new (message: string) => Error,
): {input: string[]; flags: Flags} {
	try {
		const cli = meow(HELP, {
			importMeta: import.meta,
			// The package data, so that meow does not look for package.json at every start (it would
			// walk up from dist/ and read and parse the file).
			pkg: packageJson,
			argv: [...argv],
			version: packageJson.version,
			allowUnknownFlags: false,
			booleanDefault: undefined,
			flags: FLAGS,
		});
		const flags: Flags = cli.flags;
		return {input: cli.input, flags};
	} catch (error) {
		const twice = /^The flag --(\w+) can only be set once\.$/.exec(
			error instanceof Error ? error.message : '',
		);
		if (twice) throw new UsageError(`--${kebabCase(twice[1] ?? '')} can be given only once`);
		throw error;
	}
}

/** The help text as meow prints it: the description, then the usage. */
function helpText(): string {
	return `\n  ${packageJson.description}\n${HELP.replace(/^\n/, '\n').trimEnd()}\n`;
}

function printed(text: string): number {
	process.stdout.write(text);
	return ExitCode.ok;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	async (error: unknown) => {
		const {endingOf} = await import('./cli/startup-modules.js');
		const ending = endingOf(error);
		writeErrorLine(ending.message);
		process.exitCode = ending.code;
	},
);
