import {cliEnv} from '../../../test/helpers/run-cli.js';

/** The environment every measured batchtop runs in: the tests' (dummy keys, no AWS config), plus a region. */
export function benchEnv(): NodeJS.ProcessEnv {
	return cliEnv({LANG: 'C.UTF-8', AWS_REGION: 'us-east-1'});
}
