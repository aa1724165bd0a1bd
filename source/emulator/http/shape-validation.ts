import {OMICS_SHAPES} from '../model/omics-shapes.js';
import {constraintError, validationError} from './api-error.js';
import type {MemberRef, ModelShape, ModelShapes} from '../model/model-shape-types.js';

// Request validation driven by the service model: every member's required, length, pattern, enum,
// range and list/map size, in the service's wording (shared/healthomics-batch-api.md §1.4). The first
// violation is thrown, as a 400 ValidationException; members the model does not know are ignored.

/** The decoded parts of a REST request that the model's members live in. */
export interface RequestParts {
	readonly params: Readonly<Record<string, string>>;
	readonly query: URLSearchParams;
	readonly body: unknown;
}

/** Where a value came from: query strings carry numbers as text. */
type Origin = 'json' | 'text';

const patterns = new Map<string, RegExp>();

/** The model's pattern as the service applies it: to the whole value, with Unicode property classes. */
export function modelPattern(pattern: string): RegExp {
	let compiled = patterns.get(pattern);
	if (!compiled) {
		compiled = new RegExp(`^(?:${pattern})$`, 'u');
		patterns.set(pattern, compiled);
	}
	return compiled;
}

/** Throws the first constraint the request breaks for `operation`'s input shape in the model. */
export function validateRequest(
	operation: string,
	request: RequestParts,
	model: ModelShapes = OMICS_SHAPES,
): void {
	const definition = model.operations[operation];
	if (!definition) return;
	const input = shapeOf(model, definition.input);
	const body = request.body ?? {};
	if (!isObject(body)) throw validationError('request body must be a JSON object');
	for (const [name, ref] of Object.entries(input.members ?? {})) {
		const [value, origin] = locate(name, ref, shapeOf(model, ref.shape), request, body);
		checkMember(model, name, ref.shape, value, origin, input.required?.includes(name) ?? false);
	}
}

function locate(
	name: string,
	ref: MemberRef,
	shape: ModelShape,
	request: RequestParts,
	body: Record<string, unknown>,
): [unknown, Origin] {
	const key = ref.locationName ?? name;
	switch (ref.location) {
		case 'uri':
			return [request.params[key], 'text'];
		case 'querystring':
			if (!request.query.has(key)) return [undefined, 'text'];
			return [shape.type === 'list' ? request.query.getAll(key) : request.query.get(key), 'text'];
		case undefined:
			return [body[name], 'json'];
		default:
			return [undefined, 'text'];
	}
}

function checkMember(
	model: ModelShapes,
	path: string,
	shapeName: string,
	value: unknown,
	origin: Origin,
	required: boolean,
): void {
	if (value === undefined || value === null) {
		if (required) {
			throw validationError(
				`1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null (${path} is required)`,
			);
		}
		return;
	}
	checkValue(model, path, shapeOf(model, shapeName), value, origin);
}

function checkValue(
	model: ModelShapes,
	path: string,
	shape: ModelShape,
	value: unknown,
	origin: Origin,
): void {
	if (shape.document) return;
	switch (shape.type) {
		case 'structure':
			checkStructure(model, path, shape, value, origin);
			return;
		case 'list': {
			if (!Array.isArray(value)) throw constraintError(path, value, 'Member must be a list');
			checkSize(path, shape, value.length, value);
			value.forEach((item, index) =>
				checkValue(model, `${path}.${index + 1}`, shapeOf(model, shape.member ?? ''), item, origin),
			);
			return;
		}
		case 'map': {
			if (!isObject(value)) throw constraintError(path, value, 'Member must be a map');
			const entries = Object.entries(value);
			checkSize(path, shape, entries.length, value);
			for (const [key, entry] of entries) {
				checkValue(model, `${path}.key`, shapeOf(model, shape.key ?? ''), key, origin);
				checkMember(model, `${path}.${key}`, shape.value ?? '', entry, origin, true);
			}
			return;
		}
		case 'string':
			checkString(path, shape, value);
			return;
		case 'integer':
		case 'long':
			checkInteger(path, shape, value, origin);
			return;
		case 'boolean':
			if (typeof value !== 'boolean' && !(origin === 'text' && /^(true|false)$/.test(String(value))))
				throw constraintError(path, value, 'Member must be a boolean');
			return;
		default:
	}
}

function checkStructure(
	model: ModelShapes,
	path: string,
	shape: ModelShape,
	value: unknown,
	origin: Origin,
): void {
	if (!isObject(value)) throw validationError(`${path} must be a JSON object`);
	const members = Object.entries(shape.members ?? {});
	if (shape.union) {
		const given = members.filter(([name]) => value[name] !== undefined && value[name] !== null);
		if (given.length !== 1) {
			throw validationError(
				`${path} must contain exactly one of ${members.map(([name]) => name).join(' or ')}`,
			);
		}
	}
	for (const [name, ref] of members) {
		checkMember(
			model,
			`${path}.${name}`,
			ref.shape,
			value[name],
			origin,
			shape.required?.includes(name) ?? false,
		);
	}
}

function checkString(path: string, shape: ModelShape, value: unknown): void {
	if (typeof value !== 'string') throw constraintError(path, value, 'Member must be a string');
	// Smithy measures a string's length in Unicode scalar values, not UTF-16 code units.
	checkSize(path, shape, [...value].length, value);
	if (shape.pattern !== undefined && !modelPattern(shape.pattern).test(value)) {
		throw constraintError(path, value, `Member must satisfy regular expression pattern: ${shape.pattern}`);
	}
	if (shape.enum && !shape.enum.includes(value)) {
		throw constraintError(path, value, `Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
	}
}

function checkInteger(path: string, shape: ModelShape, value: unknown, origin: Origin): void {
	const number =
		origin === 'text' && typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number)) {
		throw constraintError(path, value, 'Member must be an integer');
	}
	if (shape.min !== undefined && number < shape.min)
		throw constraintError(path, value, `Member must have value greater than or equal to ${shape.min}`);
	if (shape.max !== undefined && number > shape.max)
		throw constraintError(path, value, `Member must have value less than or equal to ${shape.max}`);
}

/** Length bounds of a string, list or map, worded as the existing emulator (and its clients' tests) read them. */
function checkSize(path: string, shape: ModelShape, size: number, value: unknown): void {
	const {min, max} = shape;
	if ((min === undefined || size >= min) && (max === undefined || size <= max)) return;
	const shown = typeof value === 'string' ? value : `${size} entries`;
	if (min !== undefined && max !== undefined)
		throw constraintError(path, shown, `Member must have length between ${min} and ${max}`);
	if (min !== undefined)
		throw constraintError(path, shown, `Member must have length greater than or equal to ${min}`);
	throw constraintError(path, shown, `Member must have length less than or equal to ${max}`);
}

function shapeOf(model: ModelShapes, name: string): ModelShape {
	const shape = model.shapes[name];
	if (!shape) throw new Error(`The extracted model has no shape ${name}`);
	return shape;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
