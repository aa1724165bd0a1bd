import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {ChildCall} from './aws-config-child.js';

/** What test/helpers/aws-config-child.ts printed. */
export interface AwsChildResult {
	readonly ok: boolean;
	readonly id?: string;
	readonly kind?: string;
	readonly message?: string;
	readonly details?: Record<string, unknown> & {
		readonly code?: string;
		readonly profile?: string;
		readonly credentials?: {
			readonly link: string;
			readonly profile: string;
			readonly roleArn?: string;
			readonly sdkMessage?: string;
		};
	};
	readonly action?: string;
	readonly where?: string;
	readonly endpoint?: {readonly url: string; readonly source: string} | null;
	/** The exit code and the one line the CLI would end with. */
	readonly exit?: {readonly code: number; readonly message: string};
	/** From the call to its error. */
	readonly elapsedMs?: number;
	/** A setting that cannot be used (NetworkConfigError): the CLI's usage line. */
	readonly usage?: string;
}

export interface AwsChildOptions {
	/** The shared config file's text (AWS_CONFIG_FILE, in a fresh HOME). */
	readonly config: string;
	/** The shared credentials file's text; none by default. */
	readonly credentials?: string;
	readonly call: ChildCall;
	/** More environment (AWS_PROFILE, proxies, endpoint variables); undefined removes a variable. */
	readonly env?: Record<string, string | undefined>;
	/** Puts files in the HOME (an SSO token cache, a credential_process helper). */
	readonly setupHome?: (home: string) => void;
	readonly timeoutMs?: number;
}

const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * Runs the real SDK chain in a child with a temporary HOME holding the given config files, nothing of
 * the test process's AWS environment, no instance metadata, and DNS blocked but for localhost.
 */
export async function runAwsChild(
	options: AwsChildOptions,
): Promise<{result: AwsChildResult; stderr: string; home: string}> {
	const home = mkdtempSync(join(tmpdir(), 'batchtop-aws-'));
	try {
		options.setupHome?.(home);
		const configFile = join(home, 'config');
		writeFileSync(configFile, options.config);
		const credentialsFile = join(home, 'credentials');
		if (options.credentials !== undefined) writeFileSync(credentialsFile, options.credentials);
		const env: NodeJS.ProcessEnv = {
			PATH: process.env['PATH'],
			HOME: home,
			AWS_CONFIG_FILE: configFile,
			AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
			AWS_EC2_METADATA_DISABLED: 'true',
			BATCHTOP_TEST_CALL: JSON.stringify(options.call),
		};
		for (const [key, value] of Object.entries(options.env ?? {})) {
			if (value === undefined) delete env[key];
			else env[key] = value;
		}
		const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/aws-config-child.ts'], {
			env,
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
		await new Promise((resolve) => child.on('close', resolve));
		clearTimeout(timer);
		const line = stdout.trim().split('\n').pop() ?? '';
		if (!line.startsWith('{')) throw new Error(`the child printed no result; stderr: ${stderr}`);
		return {result: JSON.parse(line) as AwsChildResult, stderr, home};
	} finally {
		rmSync(home, {recursive: true, force: true});
	}
}
