import {spawn} from 'node:child_process';

export const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;

export interface CliResult {
	readonly code: number | null;
	readonly signal: NodeJS.Signals | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** Environment for a CLI run: no ambient AWS settings, fake keys, no instance-metadata lookups. */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {
		PATH: process.env['PATH'],
		HOME: process.env['HOME'],
		AWS_EC2_METADATA_DISABLED: 'true',
		AWS_ACCESS_KEY_ID: 'AKIDTEST',
		AWS_SECRET_ACCESS_KEY: 'secret',
		AWS_CONFIG_FILE: '/nonexistent/config',
		AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
		// Never the developer's own ~/.config/batchtop/config.json.
		BATCHTOP_CONFIG: '/nonexistent/batchtop.json',
	};
	for (const [key, value] of Object.entries(extra)) {
		if (value === undefined) delete env[key];
		else env[key] = value;
	}
	return env;
}

/** Runs the built CLI without a terminal and collects everything; `onStart` gets the child (to signal it). */
export function runCli(
	args: string[],
	options: {
		env?: NodeJS.ProcessEnv;
		timeoutMs?: number;
		onStart?: (child: ReturnType<typeof spawn>) => void;
	} = {},
): Promise<CliResult> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [CLI, ...args], {
			env: options.env ?? cliEnv(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
		options.onStart?.(child);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({code, signal, stdout, stderr});
		});
	});
}
