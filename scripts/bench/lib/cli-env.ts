// The environment every measured batchtop runs in: static dummy credentials, no AWS config lookups.
export function benchEnv(): NodeJS.ProcessEnv {
	return {
		PATH: process.env['PATH'],
		HOME: process.env['HOME'],
		LANG: 'C.UTF-8',
		AWS_EC2_METADATA_DISABLED: 'true',
		AWS_ACCESS_KEY_ID: 'AKIDBENCH',
		AWS_SECRET_ACCESS_KEY: 'bench',
		AWS_REGION: 'us-east-1',
		AWS_CONFIG_FILE: '/nonexistent/config',
		AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
	};
}
