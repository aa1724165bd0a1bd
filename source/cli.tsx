#!/usr/bin/env node
import meow from 'meow';
import packageJson from '../package.json' with {type: 'json'};
import {ExitCode, UsageError} from './cli/exit-codes.js';
import {runEmulatorCommand} from './cli/emulator-command.js';
import {runDemoCommand} from './cli/demo-command.js';
import {rejectUnknownFlags} from './cli/unknown-flags.js';

const HELP = `
  Usage
    $ batchtop --demo [--scenario demo|FILE] [--speed X] [--ascii] [--no-color]
    $ batchtop emulator [options]

  Commands
    emulator            Serve the local HealthOmics run-batch emulator until Ctrl-C / SIGTERM

  Emulator options (also for --demo)
    --port N            Port to listen on (default 0: any free port)
    --host ADDR         Address to bind (default 127.0.0.1)
    --scenario S        demo (default), empty, or a scenario JSON file
    --seed N            Seed for the simulated history (default: the scenario's)
    --speed X           Virtual seconds per real second (default 1)
    --fault SPEC        [OPERATION:]key=value[,key=value]; repeatable. Keys: throttle, retryAfter,
                        error5xx, requestTimeout, quotaExceeded, latencyMs, hang, malformed,
                        requireAuth, deny, expiredToken
    --run-summary-lag S Make runSummary trail reality by S seconds (eventual consistency)
    --s3-settings-runs N  Runs assumed in an s3UriSettings file (default 1000)

  Monitor
    --demo              Watch the built-in emulator's demo account (no AWS account needed)
    --ascii             ASCII glyphs only (also when TERM is dumb or linux)
    --no-color          No colour (also when NO_COLOR is set)
    --no-alt-screen     Draw on the normal screen instead of the alternate screen

  Other
    --help, --version

  Exit codes
    0    quit with q, or the emulator stopped by Ctrl-C / SIGTERM
    2    usage error: bad flag, bad value, unreadable scenario, port in use
    129  the monitor ended by SIGHUP (terminal closed); 130 by Ctrl-C; 143 by SIGTERM

  Examples
    $ batchtop emulator --port 4566 --speed 60
    $ batchtop emulator --scenario ./my-account.json --fault GetBatch:throttle=0.3,retryAfter=2
`;

const FLAGS = {
	demo: {type: 'boolean', default: false},
	port: {type: 'string'},
	host: {type: 'string'},
	scenario: {type: 'string'},
	seed: {type: 'string'},
	speed: {type: 'string'},
	fault: {type: 'string', isMultiple: true},
	runSummaryLag: {type: 'string'},
	s3SettingsRuns: {type: 'string'},
	ascii: {type: 'boolean', default: false},
	color: {type: 'boolean', default: true},
	altScreen: {type: 'boolean', default: true},
} as const;

/** Parses the command line and runs the chosen mode; every bad input ends in one line and exit 2. */
async function main(): Promise<number> {
	rejectUnknownFlags(process.argv.slice(2), FLAGS);
	const cli = meow(HELP, {
		importMeta: import.meta,
		version: packageJson.version,
		allowUnknownFlags: false,
		flags: FLAGS,
	});
	const write = (line: string): void => {
		process.stdout.write(`${line}\n`);
	};
	const [command, ...rest] = cli.input;
	if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"; see batchtop --help`);
	if (command === 'emulator') {
		await runEmulatorCommand(cli.flags, write);
		return ExitCode.ok;
	}
	if (command !== undefined) throw new UsageError(`unknown command "${command}"; see batchtop --help`);
	if (cli.flags.demo) return runDemoCommand(cli.flags, write);
	cli.showHelp(ExitCode.ok);
	return ExitCode.ok;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		if (error instanceof UsageError) {
			process.stderr.write(`batchtop: ${error.message}\n`);
			process.exitCode = ExitCode.usage;
			return;
		}
		process.stderr.write(
			`batchtop: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
		);
		process.exitCode = 1;
	},
);
