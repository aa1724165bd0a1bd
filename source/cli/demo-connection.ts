import {diagnosticsNote} from '../output/diagnostics-log.js';
import type {OmicsConnection} from '../omics/omics-client.js';

/** The built-in emulator accepts any credentials; these say what they are. */
const DEMO_CREDENTIALS = {accessKeyId: 'demo', secretAccessKey: 'demo'};

/**
 * Where and as whom to reach HealthOmics: the built-in emulator (`--demo`), else the configured
 * connection; SDK log lines go to the diagnostics log either way.
 */
export function connectionFor(
	configured: OmicsConnection,
	requestTimeoutMs: number | undefined,
	emulator: {readonly url: string; readonly region: string} | undefined,
): OmicsConnection {
	if (!emulator) return {...configured, log: diagnosticsNote};
	return {
		endpointUrl: emulator.url,
		region: emulator.region,
		credentials: DEMO_CREDENTIALS,
		requestTimeoutMs: requestTimeoutMs ?? 5_000,
		log: diagnosticsNote,
		// The demo emulator is on this machine: never through a corporate proxy.
		direct: true,
	};
}
