// 1. Start-up: `batchtop --demo` to its first full frame on a pseudo-terminal, `batchtop --once --json`
// and `batchtop --version`, beside their floor (`node -e 0`) and their peer (one `aws omics get-batch`),
// all measured in turns, one of each per round, so that the ratios compare runs under the same load.
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {awsGetBatch, findAwsCli} from '../lib/aws-cli.js';
import {benchEnv} from '../lib/cli-env.js';
import {CLI, startEmulatorProcess} from '../lib/emulator-process.js';
import {PtyProcess} from '../lib/pty-process.js';

const DEMO_BATCHES = 12;

export interface Startup {
	/** Spawn to every demo batch on screen, `batchtop --demo` on a 120×40 pty, ms per round. */
	readonly demoMs: number[];
	/** Spawn to exit of `batchtop --once --json --all` against a running demo emulator, ms. */
	readonly onceMs: number[];
	/** Spawn to exit of `batchtop --version`, ms. */
	readonly versionMs: number[];
	/** Spawn to exit of `node -e 0` in the same environment as batchtop's runs, ms. */
	readonly nodeMs: number[];
	/** Spawn to exit of one `aws omics get-batch` against the same emulator, ms; absent without an AWS CLI. */
	readonly aws?: {readonly version: string; readonly ms: number[]};
}

/** A frame is complete when the header, the footer and a row for every demo batch are on screen. */
function demoFrameComplete(screen: string[]): boolean {
	const header = screen[0] ?? '';
	const footer = screen.findLast((line) => line.trim() !== '') ?? '';
	const rows = screen.filter((line) => /\d+(\.\d)?k?\/\d+(\.\d)?k?/.test(line) || /\?\/\d/.test(line));
	return header.startsWith('batchtop') && footer.includes('q quit') && rows.length >= DEMO_BATCHES;
}

async function demoFirstFrame(): Promise<number> {
	const pty = new PtyProcess({
		command: [process.execPath, CLI, '--demo'],
		columns: 120,
		rows: 40,
		env: benchEnv(),
	});
	try {
		return await pty.waitForScreen(demoFrameComplete);
	} finally {
		await pty.kill();
	}
}

/** Spawn to exit of `node args`, in ms; `check` sees its exit code and stdout. */
async function timedNode(
	args: readonly string[],
	check: (code: number | null, stdout: string) => void,
): Promise<number> {
	const started = performance.now();
	// The environment batchtop runs in: the outer one (NODE_EXTRA_CA_CERTS alone takes Node's own
	// start from ~25 to ~65 ms here) must reach neither the floor nor the CLI.
	const child = spawn(process.execPath, args, {env: benchEnv(), stdio: ['ignore', 'pipe', 'inherit']});
	let stdout = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	const [code] = (await once(child, 'exit')) as [number | null];
	const ms = performance.now() - started;
	check(code, stdout);
	return ms;
}

/** `rounds` rounds of every start-up figure and its peers, in turns. */
export async function startup(rounds: number): Promise<Startup> {
	const emulator = await startEmulatorProcess(['--scenario', 'demo']);
	const aws = findAwsCli();
	const result = {
		demoMs: [] as number[],
		onceMs: [] as number[],
		versionMs: [] as number[],
		nodeMs: [] as number[],
	};
	const awsMs: number[] = [];
	try {
		const listed = (await (await fetch(`${emulator.url}/runBatch`)).json()) as {items: Array<{id: string}>};
		const batchId = listed.items[0]?.id;
		if (batchId === undefined) throw new Error('the demo emulator listed no batch');
		for (let round = 0; round < rounds; round++) {
			result.nodeMs.push(await timedNode(['-e', '0'], () => {}));
			result.versionMs.push(
				await timedNode([CLI, '--version'], (code, stdout) => {
					if (code !== 0 || !/^\d+\.\d+\.\d+/.test(stdout))
						throw new Error(`--version exited ${code}: ${stdout}`);
				}),
			);
			result.onceMs.push(
				await timedNode(
					[CLI, '--once', '--json', '--all', '--endpoint-url', emulator.url],
					(code, stdout) => {
						const lines = stdout.split('\n').length - 1;
						if (code !== 0 || lines < DEMO_BATCHES)
							throw new Error(`--once --json exited ${code} after ${lines} lines`);
					},
				),
			);
			if (aws) awsMs.push(await awsGetBatch(aws, emulator.url, batchId));
			result.demoMs.push(await demoFirstFrame());
		}
	} finally {
		await emulator.stop();
	}
	return aws ? {...result, aws: {version: aws.version, ms: awsMs}} : result;
}
