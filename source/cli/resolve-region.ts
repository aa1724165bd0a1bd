import type {BatchReference} from '../domain/batch-reference.js';
import {exitCodeForError} from '../domain/exit-policy.js';
import {profileNotFoundMessage} from '../omics/credential-error.js';
import {createOmicsClient, credentialContext, type OmicsConnection} from '../omics/omics-client.js';
import {NetworkConfigError} from '../omics/network-config.js';
import {ExitCode, ExitError} from './exit-codes.js';

/**
 * The region to watch: --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's (the SDK's), else a
 * batch ARN's. A profile named by --profile or AWS_PROFILE that neither shared file holds is said so
 * here, first (exit 4, as for any credentials problem): the SDK would only find no region in it, and
 * then no credentials.
 */
export async function resolveRegion(
	connection: OmicsConnection,
	references: readonly BatchReference[],
	env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
	const arnRegions = [
		...new Set(
			references
				.map((reference) => reference.region)
				.filter((region): region is string => region !== undefined),
		),
	];
	if (arnRegions.length > 1)
		throw new ExitError(
			ExitCode.usage,
			`the batch ARNs name several regions (${arnRegions.join(', ')}); run one batchtop per region`,
		);
	if (!connection.credentials) {
		const context = credentialContext(connection.profile, env);
		if (context.profile.namedBy !== 'default' && context.source.kind === 'missing')
			throw new ExitError(exitCodeForError('no-credentials'), profileNotFoundMessage(context));
	}
	// The AWS CLI's order: --region, AWS_REGION, AWS_DEFAULT_REGION, the profile. The SDK reads only
	// AWS_REGION and the profile, so AWS_DEFAULT_REGION is taken here, before it asks the profile.
	let region = connection.region || env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || undefined;
	if (!region) {
		try {
			region = await createOmicsClient(connection, env).config.region();
		} catch (error) {
			// A proxy or CA setting that cannot be used is its own problem (cli.tsx: exit 2), not a missing region.
			if (error instanceof NetworkConfigError) throw error;
			region = undefined;
		}
	}
	region ||= arnRegions[0];
	if (!region)
		throw new ExitError(
			ExitCode.usage,
			'no AWS region: pass --region, set AWS_REGION, put one in your profile, or give a batch ARN',
		);
	const [arnRegion] = arnRegions;
	if (arnRegion && arnRegion !== region)
		throw new ExitError(
			ExitCode.usage,
			`the batch ARN names ${arnRegion} but the region is ${region}; drop --region or AWS_REGION, or run one batchtop per region`,
		);
	return region;
}
