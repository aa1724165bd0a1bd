import {NotFoundError} from '../model/account.js';
import {StateConflictError} from '../model/simulated-batch.js';
import {conflictError, notFoundError} from '../http/api-error.js';
import {checkNumericId, checkObject} from '../http/field-validation.js';
import {parseStartRunBatch} from './start-run-batch-request.js';
import type {Handler} from './handler-types.js';

/** Maps the model's typed errors to the API's 404 and 409 answers. */
export function translateModelErrors<T>(action: () => T): T {
	try {
		return action();
	} catch (error) {
		if (error instanceof NotFoundError) throw notFoundError(error.message);
		if (error instanceof StateConflictError) throw conflictError(error.message);
		throw error;
	}
}

/** POST /runBatch */
export const startRunBatch: Handler = ({account, body, s3SettingsRuns}) => {
	const request = parseStartRunBatch(body, s3SettingsRuns, (uri) => account.s3SettingsFile(uri));
	const record =
		account.byRequestId(request.requestId) ??
		account.create({
			spec: request.spec,
			creationTime: account.clock.now(),
			requestId: request.requestId,
			defaultRunSetting: request.defaultRunSetting,
			...(request.runSettingIds ? {runSettingIds: request.runSettingIds} : {}),
			...(request.runSettings ? {runSettings: request.runSettings} : {}),
		});
	record.sim.advanceTo(account.clock.now());
	return {
		statusCode: 201,
		body: {id: record.id, arn: record.arn, status: record.sim.status, uuid: record.uuid, tags: record.tags},
	};
};

const batchIdFromBody = (body: unknown): string =>
	checkNumericId('batchId', checkObject('request body', body ?? {})['batchId']);

/** POST /runBatch/cancel */
export const cancelRunBatch: Handler = ({account, body}) => {
	const batchId = batchIdFromBody(body);
	translateModelErrors(() => account.get(batchId).sim.cancel(account.clock.now()));
	return {statusCode: 202, body: {}};
};

/** POST /runBatch/delete */
export const deleteRunBatch: Handler = ({account, body}) => {
	const batchId = batchIdFromBody(body);
	translateModelErrors(() => account.get(batchId).sim.deleteRuns(account.clock.now()));
	return {statusCode: 202, body: {}};
};

/** DELETE /runBatch/{batchId} */
export const deleteBatch: Handler = ({account, params}) => {
	const batchId = checkNumericId('batchId', params['batchId']);
	translateModelErrors(() => account.delete(batchId));
	return {statusCode: 202};
};
