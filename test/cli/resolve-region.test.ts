import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {resolveRegion} from '../../source/cli/resolve-region.js';
import {startHostileService, type HostileService} from '../helpers/hostile-service.js';
import {cliEnv, runCli} from '../helpers/run-cli.js';

describe('the region, in the AWS CLI order', () => {
	it('takes --region, then AWS_REGION, then AWS_DEFAULT_REGION', async () => {
		const env = {AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'ap-south-1'};
		expect(await resolveRegion({region: 'us-west-2'}, [], env)).toBe('us-west-2');
		expect(await resolveRegion({}, [], env)).toBe('eu-west-1');
		expect(await resolveRegion({}, [], {AWS_DEFAULT_REGION: 'ap-south-1'})).toBe('ap-south-1');
	});

	describe('the built CLI', () => {
		let service: HostileService;
		beforeAll(async () => {
			service = await startHostileService();
		});
		afterAll(() => service.close());

		it('watches with only AWS_DEFAULT_REGION set (it said "no AWS region" before)', async () => {
			const result = await runCli(['--endpoint-url', service.url, '--once', '111'], {
				env: cliEnv({AWS_DEFAULT_REGION: 'eu-central-1'}),
			});
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
			expect(result.stdout).toMatch(/^111 /m);
		});
	});
});
