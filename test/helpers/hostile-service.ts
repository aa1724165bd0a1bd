import {randomUUID} from 'node:crypto';
import {createServer, validateHeaderName, validateHeaderValue, STATUS_CODES} from 'node:http';
import type {ServerResponse} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';

/**
 * A scriptable, hostile fake of the HealthOmics batch API for tests that drive the real SDK over real HTTP.
 * Every request is answered by a per-operation script; an answer can be well formed, malformed, slow, hung,
 * or a broken connection. Unlike the emulator, nothing here is validated or sanitised on the way out.
 */

export type Operation = 'GetBatch' | 'ListBatch' | 'ListRunsInBatch' | 'ListRuns' | 'GetRun';

export interface HostileRequest {
	readonly operation: Operation | 'unknown';
	readonly method: string;
	readonly path: string;
	readonly query: URLSearchParams;
	/** Path labels (`batchId`, `id`), URL-decoded like the emulator's router. */
	readonly params: Readonly<Record<string, string>>;
	/** Date.now() when the request's head had been parsed (GET requests carry no body). */
	readonly at: number;
	/** True for the second and later requests on the same TCP connection (a keep-alive reuse). */
	readonly socketReused: boolean;
	/** What the server did with it: the answer kind, or 'doomed' for a request killed by json-then-close. */
	answeredWith?: Answer['kind'] | 'doomed' | 'not-found' | 'script-threw';
}

export type Headers = Readonly<Record<string, string>>;

export type Answer =
	/** A JSON body, 200 unless told; `headers` are added over content-type, content-length and x-amzn-RequestId. */
	| {kind: 'json'; status?: number; body: unknown; headers?: Headers}
	/** Any bytes at all: garbage, HTML, truncated JSON, an empty body. content-type defaults to application/json. */
	| {kind: 'raw'; status?: number; body: string | Buffer; headers?: Headers}
	/**
	 * An error in the service's shape: `x-amzn-ErrorType: <type>` and `{"message", "__type"}`, both verbatim.
	 * A header value Node refuses to send (ESC, CR/LF, characters above U+00FF) is still written, byte for byte:
	 * latin1 when every character fits in a byte (which Node clients decode back exactly), UTF-8 otherwise.
	 * `omitTypeHeader` leaves the header out so clients must fall back to `__type` in the body.
	 */
	| {
			kind: 'error';
			status: number;
			type: string;
			message: string;
			headers?: Headers;
			omitTypeHeader?: boolean;
	  }
	/** Accept the request and never answer, until the client gives up or the server closes. */
	| {kind: 'hang'}
	/** Send the status line and headers (chunked, no content-length), then never any body. */
	| {kind: 'headers-then-hang'; status?: number}
	/** A correct content-length, then the body `bytesPerTick` bytes (default 1) every `everyMs`. */
	| {kind: 'drip'; body: string; everyMs: number; bytesPerTick?: number; status?: number}
	/** Destroy the connection with a TCP RST and no answer: ECONNRESET at the client. */
	| {kind: 'reset'}
	/**
	 * Answer normally with keep-alive, then treat the connection as closed by the server: the next request that
	 * arrives on that socket is recorded and the socket destroyed without an answer. That is the idle-socket race
	 * (server closed it, client reused it) made deterministic; a client on a fresh socket is unaffected.
	 */
	| {kind: 'json-then-close'; body: unknown; status?: number};

export type Script = (request: HostileRequest, index: number) => Answer | Promise<Answer>;

export interface HostileService {
	/** `http://127.0.0.1:<port>`, ready for `omicsClient(url)`. */
	readonly url: string;
	/** Every request in arrival order, including unknown routes and doomed ones. */
	readonly requests: HostileRequest[];
	/** Replaces the script for one operation; the index it gets keeps counting from earlier requests. */
	setScript(operation: Operation, script: Script): void;
	/** The script for operations that have none (the built-in default answers plain valid data). */
	setDefault(script: Script): void;
	/** Requests received, for one operation or in total. */
	count(operation?: Operation): number;
	/** Destroys every connection (hung and dripping ones too), stops every timer, and closes the listener. */
	close(): Promise<void>;
}

interface Route {
	readonly pattern: RegExp;
	readonly operation: Operation;
}

// The read routes of routes.ts (shared/healthomics-batch-api.md §1); all are GET.
const ROUTES: readonly Route[] = [
	{pattern: /^\/runBatch$/, operation: 'ListBatch'},
	{pattern: /^\/runBatch\/(?<batchId>[^/]+)$/, operation: 'GetBatch'},
	{pattern: /^\/runBatch\/(?<batchId>[^/]+)\/run$/, operation: 'ListRunsInBatch'},
	{pattern: /^\/run$/, operation: 'ListRuns'},
	{pattern: /^\/run\/(?<id>[^/]+)$/, operation: 'GetRun'},
];

function matchRoute(
	method: string,
	path: string,
): {operation: Operation; params: Record<string, string>} | undefined {
	if (method !== 'GET') return undefined;
	for (const route of ROUTES) {
		const match = route.pattern.exec(path);
		if (!match) continue;
		const params: Record<string, string> = {};
		for (const [key, value] of Object.entries(match.groups ?? {})) {
			try {
				params[key] = decodeURIComponent(value);
			} catch {
				params[key] = value;
			}
		}
		return {operation: route.operation, params};
	}
	return undefined;
}

/** Plain valid answers, so a test only scripts the operation it is about. */
const builtInDefault: Script = (request) => {
	switch (request.operation) {
		case 'GetBatch':
			return {kind: 'json', body: validBatch(request.params['batchId'] ?? 'unknown')};
		case 'ListRunsInBatch':
			return {kind: 'json', body: {runs: []}};
		case 'GetRun':
			return {kind: 'json', body: {id: request.params['id'], status: 'RUNNING'}};
		default:
			return {kind: 'json', body: {items: []}};
	}
};

export async function startHostileService(
	scripts: Partial<Record<Operation, Script>> = {},
): Promise<HostileService> {
	const table = new Map<Operation, Script>(Object.entries(scripts) as Array<[Operation, Script]>);
	let fallback: Script = builtInDefault;
	const requests: HostileRequest[] = [];
	const perOperation = new Map<Operation, number>();
	const sockets = new Set<Socket>();
	const requestsOnSocket = new WeakMap<Socket, number>();
	const doomed = new WeakSet<Socket>();
	const timers = new Set<NodeJS.Timeout>();
	let closed = false;

	// HTTP keep-alive is Node's default (5 s idle timeout), so clients reuse sockets as they would with AWS.
	const server = createServer((request, response) => {
		const at = Date.now();
		const socket = request.socket;
		const seen = requestsOnSocket.get(socket) ?? 0;
		requestsOnSocket.set(socket, seen + 1);
		const url = new URL(request.url ?? '/', 'http://hostile.invalid');
		const method = request.method ?? 'GET';
		const route = matchRoute(method, url.pathname);
		const recorded: HostileRequest = {
			operation: route?.operation ?? 'unknown',
			method,
			path: url.pathname,
			query: url.searchParams,
			params: route?.params ?? {},
			at,
			socketReused: seen > 0,
		};
		requests.push(recorded);
		request.resume();

		if (doomed.has(socket)) {
			recorded.answeredWith = 'doomed';
			if (route) perOperation.set(route.operation, (perOperation.get(route.operation) ?? 0) + 1);
			socket.destroy();
			return;
		}
		if (!route) {
			recorded.answeredWith = 'not-found';
			const text = JSON.stringify({
				message: `No operation matches ${method} ${url.pathname}`,
				__type: 'UnknownOperationException',
			});
			send(response, 404, {'x-amzn-ErrorType': 'UnknownOperationException'}, Buffer.from(text));
			return;
		}
		const index = perOperation.get(route.operation) ?? 0;
		perOperation.set(route.operation, index + 1);
		const script = table.get(route.operation) ?? fallback;
		Promise.resolve()
			.then(() => script(recorded, index))
			.then(
				(answer) => {
					recorded.answeredWith = answer.kind;
					if (closed || socket.destroyed) return;
					answerWith(answer, response, socket);
				},
				(error: unknown) => {
					recorded.answeredWith = 'script-threw';
					if (closed || socket.destroyed) return;
					const text = JSON.stringify({message: `hostile-service script threw: ${String(error)}`});
					send(response, 500, {'x-amzn-ErrorType': 'InternalServerException'}, Buffer.from(text));
				},
			);
	});

	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	function answerWith(answer: Answer, response: ServerResponse, socket: Socket): void {
		switch (answer.kind) {
			case 'json':
				send(response, answer.status ?? 200, answer.headers ?? {}, jsonBytes(answer.body));
				return;
			case 'raw':
				send(response, answer.status ?? 200, answer.headers ?? {}, Buffer.from(answer.body));
				return;
			case 'error': {
				const text = JSON.stringify({message: answer.message, __type: answer.type});
				const typeHeader: Headers = answer.omitTypeHeader ? {} : {'x-amzn-ErrorType': answer.type};
				send(response, answer.status, {...typeHeader, ...answer.headers}, Buffer.from(text));
				return;
			}
			case 'hang':
				return;
			case 'headers-then-hang':
				response.writeHead(answer.status ?? 200, {
					'content-type': 'application/json',
					'x-amzn-RequestId': randomUUID(),
				});
				response.flushHeaders();
				return;
			case 'drip':
				drip(response, socket, answer);
				return;
			case 'reset':
				socket.resetAndDestroy();
				return;
			case 'json-then-close':
				doomed.add(socket);
				send(response, answer.status ?? 200, {}, jsonBytes(answer.body));
				return;
		}
	}

	function drip(response: ServerResponse, socket: Socket, answer: Extract<Answer, {kind: 'drip'}>): void {
		const bytes = Buffer.from(answer.body);
		const step = Math.max(1, answer.bytesPerTick ?? 1);
		response.writeHead(answer.status ?? 200, {
			'content-type': 'application/json',
			'content-length': bytes.length,
			'x-amzn-RequestId': randomUUID(),
		});
		response.flushHeaders();
		let offset = 0;
		const timer = setInterval(
			() => {
				if (socket.destroyed || response.writableEnded) return stop();
				const next = bytes.subarray(offset, offset + step);
				offset += next.length;
				if (offset >= bytes.length) {
					stop();
					response.end(next);
				} else {
					response.write(next);
				}
			},
			Math.max(1, answer.everyMs),
		);
		const stop = (): void => {
			clearInterval(timer);
			timers.delete(timer);
		};
		timers.add(timer);
		socket.once('close', stop);
	}

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const {port} = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		setScript(operation, script) {
			table.set(operation, script);
		},
		setDefault(script) {
			fallback = script;
		},
		count(operation) {
			return operation === undefined
				? requests.length
				: requests.filter((request) => request.operation === operation).length;
		},
		async close() {
			if (closed) return;
			closed = true;
			for (const timer of timers) clearInterval(timer);
			timers.clear();
			for (const socket of sockets) socket.destroy();
			sockets.clear();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

function jsonBytes(body: unknown): Buffer {
	return Buffer.from(JSON.stringify(body) ?? '');
}

/** Writes a complete answer; headers Node would refuse (control bytes, non-latin1) go out raw instead. */
function send(response: ServerResponse, status: number, extra: Headers, body: Buffer): void {
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		'x-amzn-RequestId': randomUUID(),
		...extra,
		'content-length': String(body.length),
	};
	if (Object.entries(headers).every(([name, value]) => acceptable(name, value))) {
		response.writeHead(status, headers);
	} else {
		// OutgoingMessage sends a preset `_header` (a latin1 "binary" string) as-is in front of a Buffer body.
		// Node 20 internals; the only way to put bytes on the wire that Node's header validation forbids.
		const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Unknown'}`];
		for (const [name, value] of Object.entries(headers)) lines.push(`${wireText(name)}: ${wireText(value)}`);
		lines.push('Connection: keep-alive', 'Keep-Alive: timeout=5', '', '');
		(response as unknown as {_header: string})._header = lines.join('\r\n');
		response.statusCode = status;
	}
	response.end(body);
}

function acceptable(name: string, value: string): boolean {
	try {
		validateHeaderName(name);
		validateHeaderValue(name, value);
		return true;
	} catch {
		return false;
	}
}

/** The bytes a header string becomes, as a one-char-per-byte string: latin1 if it fits, else UTF-8. */
function wireText(text: string): string {
	const fitsLatin1 = /^[\u0000-\u00ff]*$/.test(text);
	return fitsLatin1 ? text : Buffer.from(text, 'utf8').toString('latin1');
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile payloads

/** Base64 of the text a hostile OSC 52 would put on the user's clipboard. */
export const CLIPBOARD_MARKER = Buffer.from('pwned-clipboard').toString('base64');

/** Words that live only inside hostile escape sequences: if any reaches output, the sequence was not removed. */
export const HOSTILE_MARKERS: readonly string[] = [
	CLIPBOARD_MARKER,
	'pwned-title',
	'pwned-c1-title',
	'pwned-dcs',
	'pwned-apc',
];

/** Each element of HOSTILE_STRING by name, so tests can feed and check them one at a time. */
export const HOSTILE_PARTS = {
	osc52Clipboard: `\u001b]52;c;${CLIPBOARD_MARKER}\u0007`,
	osc0Title: '\u001b]0;pwned-title\u0007',
	dcs: '\u001bP+qpwned-dcs\u001b\\',
	apc: '\u001b_pwned-apc\u001b\\',
	csiDeviceStatusReport: '\u001b[6n',
	c1CsiClear: '\u009b2J',
	c1OscTitle: '\u009d0;pwned-c1-title\u009c',
	bel: '\u0007',
	crlf: '\r\n',
	rightToLeftOverride: '\u202e',
	lineSeparator: '\u2028',
	softHyphen: '\u00ad',
	tagLatinA: '\u{e0041}',
	loneSurrogate: '\ud800',
} as const;

/** Visible text with every part between words; no `:`, `,` or `#`, which the SDK would cut an error code at. */
export const HOSTILE_STRING = `batch${Object.values(HOSTILE_PARTS).join('x')}end`;

/**
 * An error type that survives the wire: Node clients refuse ESC in a header (a parse error, not a service
 * error) but pass C1 bytes through, so this reaches `error.name` via `x-amzn-ErrorType`.
 * With `omitTypeHeader`, HOSTILE_STRING itself reaches `error.name` via the body's `__type`.
 */
export const HOSTILE_HEADER_TYPE = 'Throttling\u009b2J\u009d0;pwned-c1-title\u009cException';

export type WireBatch = {id: string} & Record<string, unknown>;

/** A well-formed INPROGRESS GetBatch body, timestamps as ISO-8601 strings like the service sends. */
export function validBatch(id: string, overrides: Record<string, unknown> = {}): WireBatch {
	return {
		id,
		arn: `arn:aws:omics:us-east-1:111122223333:runBatch/${id}`,
		uuid: '0b9e2c41-7a3d-4c55-9f0e-2d6a8c1b7e90',
		name: `batch-${id}`,
		status: 'INPROGRESS',
		tags: {project: 'cohort-a'},
		totalRuns: 10,
		submissionSummary: {
			successfulStartSubmissionCount: 10,
			failedStartSubmissionCount: 0,
			pendingStartSubmissionCount: 0,
			successfulCancelSubmissionCount: 0,
			failedCancelSubmissionCount: 0,
			successfulDeleteSubmissionCount: 0,
			failedDeleteSubmissionCount: 0,
		},
		runSummary: {
			pendingRunCount: 2,
			startingRunCount: 1,
			runningRunCount: 4,
			stoppingRunCount: 0,
			completedRunCount: 3,
			deletedRunCount: 0,
			failedRunCount: 0,
			cancelledRunCount: 0,
		},
		creationTime: '2026-07-20T08:15:02.417Z',
		...overrides,
	};
}

/** A GetBatch body with HOSTILE_STRING in every string field; numbers stay numbers, timestamps stay ISO. */
export function hostileBatch(id: string): WireBatch {
	const h = HOSTILE_STRING;
	return validBatch(id, {
		arn: h,
		uuid: h,
		name: h,
		status: h,
		failureReason: h,
		tags: {[h]: h, project: h},
		defaultRunSetting: {
			workflowId: h,
			workflowType: h,
			roleArn: h,
			name: h,
			cacheId: h,
			cacheBehavior: h,
			runGroupId: h,
			priority: 10,
			parameters: {[h]: h},
			storageCapacity: 1200,
			outputUri: h,
			logLevel: h,
			runTags: {[h]: h},
			retentionMode: h,
			storageType: h,
			workflowOwnerId: h,
			outputBucketOwnerId: h,
			workflowVersionName: h,
			networkingMode: h,
			configurationName: h,
		},
		submittedTime: '2026-07-20T08:16:00.000Z',
		failedTime: '2026-07-20T08:16:40.000Z',
	});
}

// ---------------------------------------------------------------------------------------------------------------
// Output checking

const SGR = /\u001b\[[0-9;:]*m/g;
// What a full-screen Ink app writes itself: cursor moves, erases, and the alternate-screen/cursor/sync modes.
const TUI_CONTROL = /\u001b\[[0-9;]*[ABCDGHJK]|\u001b\[\?(?:1049|25|2026)[hl]/g;
// ESC plus what follows it up to the next ESC (at most 12 characters: enough to recognise, short to print).
const FORBIDDEN =
	/\u001b[^\u001b]{0,12}|[\u0000-\u0009\u000b-\u001a\u001c-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}\ud800-\udfff]/gu;
// The same, but a carriage return is part of what a full-screen app writes.
const FORBIDDEN_TUI =
	/\u001b[^\u001b]{0,12}|[\u0000-\u0009\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}\ud800-\udfff]/gu;

export interface UnsafeOutputOptions {
	/** Allow SGR styling (`ESC [ params m`). */
	allowSgr: boolean;
	/** Also allow what a full-screen app writes: CR, cursor/erase CSI (A–D G H J K), ?1049/?25/?2026 h/l. */
	tui?: boolean;
	/** Words that must not appear; HOSTILE_MARKERS unless told. */
	markers?: readonly string[];
}

/**
 * The offending pieces of `text` (escaped, so printing them is safe); an empty list means it is safe to show.
 * Any other ESC sequence (OSC, DCS, APC/PM/SOS, other CSI), C0 but LF (and CR in TUI mode), DEL, C1, bidi and
 * invisible format characters, line/paragraph separators, tag characters and lone surrogates are flagged.
 * U+FFFD is fine. Positions are in the text after allowed sequences were removed.
 */
export function unsafeOutput(text: string, options: UnsafeOutputOptions): string[] {
	let rest = text;
	if (options.allowSgr) rest = rest.replace(SGR, '');
	if (options.tui) rest = rest.replace(TUI_CONTROL, '');
	const found: string[] = [];
	for (const match of rest.matchAll(options.tui ? FORBIDDEN_TUI : FORBIDDEN)) {
		found.push(`@${match.index} ${escapeForReport(match[0])}`);
	}
	for (const marker of options.markers ?? HOSTILE_MARKERS) {
		if (rest.includes(marker)) found.push(`marker ${marker}`);
	}
	return found;
}

/** Printable ASCII stays; everything else becomes `\u{hex}`, so a failing assertion cannot attack the log. */
export function escapeForReport(text: string): string {
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const code = text.codePointAt(i) ?? 0;
		if (code > 0xffff) i++;
		out += code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : `\\u{${code.toString(16)}}`;
	}
	return out;
}
