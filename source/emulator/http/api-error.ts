/** An error answered the way the service does: status code, `x-amzn-ErrorType`, JSON `{message, __type}`. */
export class ApiError extends Error {
	constructor(
		readonly statusCode: number,
		readonly type: string,
		message: string,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}
}

export const validationError = (message: string): ApiError =>
	new ApiError(400, 'ValidationException', message);
export const notFoundError = (message: string): ApiError =>
	new ApiError(404, 'ResourceNotFoundException', message);
export const conflictError = (message: string): ApiError => new ApiError(409, 'ConflictException', message);

/** The service's wording for a field that breaks its model constraint. */
export function constraintError(field: string, value: unknown, constraint: string): ApiError {
	const shown = typeof value === 'string' ? value : JSON.stringify(value);
	return validationError(
		`1 validation error detected: Value '${shown}' at '${field}' failed to satisfy constraint: ${constraint}`,
	);
}
