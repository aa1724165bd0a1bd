// The AWS CLI as the bench's peer: one `aws omics get-batch`, the call a user would otherwise type.
import {execFileSync, spawn} from 'node:child_process';
import {once} from 'node:events';
import {readFileSync} from 'node:fs';
import {benchEnv} from './cli-env.js';

export interface AwsCli {
	/** The script run (a pyenv shim resolved to what it would run, so its own start-up is not counted). */
	readonly path: string;
	/** `aws --version`, such as "aws-cli/1.45.11 Python/3.11.7 ...". */
	readonly version: string;
}

/** The installed AWS CLI, or undefined when there is none on PATH. */
export function findAwsCli(): AwsCli | undefined {
	let path: string;
	try {
		path = execFileSync('bash', ['-c', 'command -v aws'], {encoding: 'utf8'}).trim();
		if (path === '') return undefined;
		// A pyenv shim is a shell script that starts pyenv to find the real one: ~60 ms that are not the CLI's.
		if (readFileSync(path, 'utf8').includes('pyenv')) {
			path = execFileSync('pyenv', ['which', 'aws'], {encoding: 'utf8'}).trim();
		}
		const version = execFileSync(path, ['--version'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
		return {path, version: version.trim().split(/\s+/).slice(0, 2).join(' ')};
	} catch {
		return undefined;
	}
}

/**
 * Spawn to exit of one `aws omics get-batch` against the emulator, in ms, in batchtop's environment
 * (dummy keys, no config files). The CLI puts the operation's host prefix before the endpoint
 * (`workflows-127.0.0.1`), which does not resolve; AWS_DISABLE_HOST_PREFIX_INJECTION turns that off,
 * so the call reaches the emulator and the figure includes a real signed request and its answer.
 */
export async function awsGetBatch(cli: AwsCli, endpointUrl: string, batchId: string): Promise<number> {
	const started = performance.now();
	const child = spawn(
		cli.path,
		['omics', 'get-batch', '--batch-id', batchId, '--endpoint-url', endpointUrl, '--region', 'us-east-1'],
		{
			env: {...benchEnv(), AWS_DISABLE_HOST_PREFIX_INJECTION: 'true', AWS_PAGER: ''},
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const [code] = (await once(child, 'exit')) as [number | null];
	const ms = performance.now() - started;
	if (code !== 0 || !output.includes(`"id": "${batchId}"`)) {
		throw new Error(`aws omics get-batch exited ${code}: ${output.slice(0, 300)}`);
	}
	return ms;
}
