import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/**
 * A throw-away PKI made with openssl at test time: a CA and server certificates it signed (valid,
 * expired, for another host), plus a self-signed one. Keys are P-256 (instant to generate); everything
 * lives in a temporary directory that `dispose()` removes. Nothing here is trusted by anything but the
 * test that passes `caFile` on.
 */
export interface KeyPair {
	readonly key: string;
	readonly cert: string;
}

export interface TestPki {
	readonly dir: string;
	/** The CA's certificate (PEM) and a file holding it, for AWS_CA_BUNDLE or ca_bundle. */
	readonly caPem: string;
	readonly caFile: string;
	/** Signed by the CA for localhost, 127.0.0.1 and the extra names asked for. */
	readonly server: KeyPair;
	/** Signed by the CA for the same names, but expired. */
	readonly expired: KeyPair;
	/** Signed by the CA for other.invalid only. */
	readonly otherHost: KeyPair;
	/** Self-signed for localhost and 127.0.0.1 (its own CA, trusted by no one). */
	readonly selfSigned: KeyPair;
	dispose(): void;
}

function openssl(args: readonly string[], cwd: string): void {
	try {
		execFileSync('openssl', args, {cwd, stdio: ['ignore', 'ignore', 'pipe']});
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT')
			throw new Error('these tests need the openssl command (Debian: apt-get install openssl)');
		throw new Error(
			`openssl ${args.join(' ')} failed: ${String((error as {stderr?: Buffer}).stderr ?? error)}`,
		);
	}
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
const serial = (): string => `0x${randomBytes(8).toString('hex')}`;

export function createTestPki(extraNames: readonly string[] = []): TestPki {
	const dir = mkdtempSync(join(tmpdir(), 'batchtop-pki-'));
	const read = (name: string) => readFileSync(join(dir, name), 'utf8');
	const names = ['DNS:localhost', 'IP:127.0.0.1', ...extraNames.map((name) => `DNS:${name}`)].join(',');
	const extensions = (altNames: string) =>
		`subjectAltName=${altNames}\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n`;

	openssl(
		[
			'req',
			'-x509',
			...EC_KEY,
			'-keyout',
			'ca.key',
			'-out',
			'ca.pem',
			'-days',
			'2',
			'-subj',
			'/CN=batchtop test CA',
			'-addext',
			'basicConstraints=critical,CA:TRUE',
			'-addext',
			'keyUsage=critical,keyCertSign,cRLSign',
		],
		dir,
	);
	const signed = (name: string, altNames: string, days: string): KeyPair => {
		openssl(
			['req', ...EC_KEY, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', '/CN=localhost'],
			dir,
		);
		writeFileSync(join(dir, `${name}.ext`), extensions(altNames));
		// `-days -1` makes notAfter a day before notBefore (now): a certificate that has expired.
		openssl(
			[
				'x509',
				'-req',
				'-in',
				`${name}.csr`,
				'-CA',
				'ca.pem',
				'-CAkey',
				'ca.key',
				'-set_serial',
				serial(),
				'-days',
				days,
				'-extfile',
				`${name}.ext`,
				'-out',
				`${name}.pem`,
			],
			dir,
		);
		return {key: read(`${name}.key`), cert: read(`${name}.pem`)};
	};
	const server = signed('server', names, '2');
	const expired = signed('expired', names, '-1');
	const otherHost = signed('other', 'DNS:other.invalid', '2');
	openssl(
		[
			'req',
			'-x509',
			...EC_KEY,
			'-keyout',
			'self.key',
			'-out',
			'self.pem',
			'-days',
			'2',
			'-subj',
			'/CN=localhost',
			'-addext',
			'subjectAltName=DNS:localhost,IP:127.0.0.1',
		],
		dir,
	);
	return {
		dir,
		caPem: read('ca.pem'),
		caFile: join(dir, 'ca.pem'),
		server,
		expired,
		otherHost,
		selfSigned: {key: read('self.key'), cert: read('self.pem')},
		dispose: () => rmSync(dir, {recursive: true, force: true}),
	};
}
