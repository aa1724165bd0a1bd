#!/usr/bin/env node
import './cli/memory-mode.js';
import './ui/terminal/interactive-environment.js';
import './omics/sdk-environment.js';
import meow from 'meow';
import packageJson from '../package.json' with {type: 'json'};
import {FLAGS, HELP} from './cli/cli-flags.js';
import {ExitCode, ExitError, UsageError} from './cli/exit-codes.js';
import {runEmulatorCommand} from './cli/emulator-command.js';
import {parseConfig, type RawFlags} from './cli/parse-config.js';
import {runWatch} from './cli/run-watch.js';
import {rejectUnknownFlags} from './cli/unknown-flags.js';
import {routeProcessWarnings, startDiagnosticsLog} from './output/diagnostics-log.js';
import {endQuietlyWhenStdoutCloses} from './output/closed-stdout.js';
import {guardedLineWriter, writeErrorLine} from './output/output-guard.js';

/** Parses the command line into one config, then runs that mode; every bad input ends in one line and exit 2. */
async function main(): Promise<number> {
	endQuietlyWhenStdoutCloses();
	routeProcessWarnings();
	const argv = process.argv.slice(2);
	// -h, --help and --version anywhere before `--` (meow honours them only alone on the line).
	const options = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
	if (options.includes('-h') || options.includes('--help')) return printed(`${helpText()}\n`);
	if (options.includes('--version')) return printed(`${packageJson.version}\n`);
	rejectUnknownFlags(argv, FLAGS);
	const cli = meow(HELP, {
		importMeta: import.meta,
		version: packageJson.version,
		allowUnknownFlags: false,
		flags: FLAGS,
	});
	const config = parseConfig(cli.input, cli.flags as unknown as RawFlags, {
		stdinIsTty: process.stdin.isTTY === true,
		stdoutIsTty: process.stdout.isTTY === true,
	});
	// Every line batchtop prints to stdout passes the output guard here.
	const write = guardedLineWriter(process.stdout);
	startDiagnosticsLog(process.env['BATCHTOP_DIAGNOSTICS']);
	if (config.command === 'emulator') {
		await runEmulatorCommand(config.options, write);
		return ExitCode.ok;
	}
	return runWatch(config, write);
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
	(error: unknown) => {
		if (error instanceof UsageError) {
			writeErrorLine(error.message);
			process.exitCode = ExitCode.usage;
			return;
		}
		if (error instanceof ExitError) {
			writeErrorLine(error.message);
			process.exitCode = error.exitCode;
			return;
		}
		writeErrorLine(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
		process.exitCode = ExitCode.someFailed;
	},
);
