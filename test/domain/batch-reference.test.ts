import {describe, expect, it} from 'vitest';
import {
	BatchReferenceError,
	parseBatchReference,
	parseBatchReferences,
} from '../../source/domain/batch-reference.js';

describe('batch references', () => {
	it('parses ids and ARNs, taking region and account from the ARN', () => {
		expect(parseBatchReference('4812375')).toEqual({id: '4812375'});
		expect(parseBatchReference('arn:aws:omics:eu-west-1:111122223333:runBatch/4812375')).toEqual({
			id: '4812375',
			region: 'eu-west-1',
			accountId: '111122223333',
		});
		expect(parseBatchReference('arn:aws-cn:omics:cn-north-1:111122223333:runBatch/9')).toMatchObject({
			region: 'cn-north-1',
		});
	});

	it.each([
		['abc', /"abc" is not a batch ID or ARN/],
		['12a4', /"12a4" is not a batch ID or ARN/],
		['1234567890123456789', /has 19 digits; batch IDs have 1 to 18/],
		['arn:aws:omics:us-east-1:111122223333:run/123', /is not a run batch ARN/],
		['arn:aws:omics:us-east-1:111122223333:runBatch/x1', /is not a batch ID or ARN/],
		['', /empty argument/],
	])('rejects %j naming the argument', (argument, message) => {
		expect(() => parseBatchReference(argument)).toThrow(BatchReferenceError);
		expect(() => parseBatchReference(argument)).toThrow(message);
	});

	it('drops repeated ids', () => {
		expect(
			parseBatchReferences(['1', 'arn:aws:omics:us-east-1:111122223333:runBatch/1', '2']).map((r) => r.id),
		).toEqual(['1', '2']);
	});
});
