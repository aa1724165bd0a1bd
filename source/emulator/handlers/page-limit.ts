import {checkInteger} from '../http/field-validation.js';

/** Reads a page-size query parameter (1-100; 100 when absent). */
export function pageLimit(query: URLSearchParams, name: 'maxItems' | 'maxResults'): number {
	const raw = query.get(name);
	return raw === null ? 100 : checkInteger(name, raw, 1, 100);
}
