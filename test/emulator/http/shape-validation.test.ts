import {describe, expect, it} from 'vitest';
import {validateRequest} from '../../../source/emulator/http/shape-validation.js';
import {OMICS_SHAPES} from '../../../source/emulator/model/omics-shapes.js';
import {ApiError} from '../../../source/emulator/http/api-error.js';
import type {ModelShapes} from '../../../source/emulator/model/model-shape-types.js';

const body = {
	requestId: 'r',
	defaultRunSetting: {workflowId: '1', roleArn: 'arn:aws:iam::123456789012:role/R'},
	batchRunSettings: {inlineSettings: [{runSettingId: 'a'}]},
};

/** The message of the ValidationException a request gets, or undefined when it passes. */
function violation(
	request: {body?: unknown; query?: string},
	model: ModelShapes = OMICS_SHAPES,
): string | undefined {
	try {
		validateRequest(
			'StartRunBatch',
			{params: {}, query: new URLSearchParams(request.query ?? ''), body: request.body},
			model,
		);
		return undefined;
	} catch (error) {
		if (!(error instanceof ApiError) || error.type !== 'ValidationException') throw error;
		return error.message;
	}
}

describe('model-driven request validation', () => {
	it('validates a member the model gains later, with no new code', () => {
		const defaults = OMICS_SHAPES.shapes['DefaultRunSetting'];
		const grown: ModelShapes = {
			operations: OMICS_SHAPES.operations,
			shapes: {
				...OMICS_SHAPES.shapes,
				GpuCount: {type: 'integer', min: 0, max: 8},
				DefaultRunSetting: {
					...defaults,
					type: 'structure',
					members: {...defaults?.members, gpus: {shape: 'GpuCount'}},
				},
			},
		};
		const withGpus = (gpus: number): unknown => ({
			...body,
			defaultRunSetting: {...body.defaultRunSetting, gpus},
		});
		expect(violation({body: withGpus(8)}, grown)).toBeUndefined();
		expect(violation({body: withGpus(9)}, grown)).toBe(
			"1 validation error detected: Value '9' at 'defaultRunSetting.gpus' failed to satisfy constraint: Member must have value less than or equal to 8",
		);
		expect(violation({body: withGpus(9)})).toBeUndefined();
	});

	it('applies patterns to the whole value, not to a part of it', () => {
		const withOwner = (workflowOwnerId: string): unknown => ({
			...body,
			defaultRunSetting: {...body.defaultRunSetting, workflowOwnerId},
		});
		expect(violation({body: withOwner('123456789012')})).toBeUndefined();
		expect(violation({body: withOwner('1234567890123')})).toMatch(
			/at 'defaultRunSetting.workflowOwnerId' failed to satisfy constraint: Member must satisfy regular expression pattern: \[0-9\]\{12\}$/,
		);
	});

	it('names list entries by their 1-based position, as the service does', () => {
		const entries = [{runSettingId: 'a'}, {runSettingId: 'b', outputBucketOwnerId: '12345678901'}];
		expect(violation({body: {...body, batchRunSettings: {inlineSettings: entries}}})).toContain(
			"at 'batchRunSettings.inlineSettings.2.outputBucketOwnerId' failed to satisfy constraint: Member must have length between 12 and 12",
		);
	});

	it("counts a string's length in characters, not UTF-16 units", () => {
		const named = (name: string): unknown => ({
			...body,
			defaultRunSetting: {...body.defaultRunSetting, name},
		});
		expect(violation({body: named('🧬'.repeat(128))})).toBeUndefined();
		expect(violation({body: named('🧬'.repeat(129))})).toMatch(/Member must have length between 1 and 128/);
	});
});
