import type {BatchReference} from '../domain/batch-reference.js';
import {createOmicsClient, type OmicsConnection} from '../omics/omics-client.js';
import {NetworkConfigError} from '../omics/network-config.js';
import {ExitCode, ExitError} from './exit-codes.js';

/** The region to watch: --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's (the SDK's), else a batch ARN's. */
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
	// The AWS CLI's order: --region, AWS_REGION, AWS_DEFAULT_REGION, the profile. The SDK reads only
	// AWS_REGION and the profile, so AWS_DEFAULT_REGION is taken here, before it asks the profile.
	let region = connection.region || env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || undefined;
	if (!region) {
		try {
			region = await createOmicsClient(connection, env).config.region();
		} catch (error) {
			// A proxy or CA setting that cannot be used is its own problem, not a missing region.
			if (error instanceof NetworkConfigError) throw new ExitError(ExitCode.usage, error.message);
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
