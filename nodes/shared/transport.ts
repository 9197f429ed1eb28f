/**
 * The one way this package talks to Orange's gateway. Every node goes through `orangeApiRequest`,
 * `orangeApiRequestAllItems` or `orangeApiDownload`:
 * - authentication: n8n's `httpRequestWithAuthentication`, so the credential's `preAuthentication`
 *   fetches a token once and n8n refreshes it once on a 401 (Orange code 42, expired);
 * - retries: 429 and 403/53 (rate limited) and 503 with Retry-After, honouring Retry-After, bounded;
 *   other 5xx, resets and timeouts only for requests that are safe to send twice (reads);
 * - errors: Orange's own `message`/`description`, the HTTP code and the request id, and never a
 *   header of the request (token, API key);
 * - pagination (`limit`/`offset`) and binary downloads as a stream, never decoded as text.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import type { OrangeApi } from './gateway';
import {
	headerValue,
	heldTokenIsUsable,
	isFormatError,
	isOrangeTokenError,
	NETWORK_WORDS,
	normalizeBaseUrl,
	parseJsonObject,
	REQUEST_ID_HEADER,
} from './gateway';

/** A response body stream (Node's Readable), typed by shape: the package imports no Node module. */
export interface Readable extends AsyncIterable<Buffer | string> {
	on: (...args: never[]) => unknown;
	read: (...args: never[]) => unknown;
	destroy: () => void;
}

export type OrangeContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface OrangeRequest {
	method: IHttpRequestMethods;
	/** Path under the API's base path. Ids in it must go through `pathSegment`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	headers?: Record<string, string>;
	/** Whether sending it twice is harmless. Defaults to true for GET only. */
	idempotent?: boolean;
	itemIndex?: number;
	/** Milliseconds before the request is abandoned. */
	timeout?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
const MAX_ATTEMPTS = 6;
const MAX_SINGLE_WAIT_MS = 60_000;
const MAX_TOTAL_WAIT_MS = 120_000;
const MAX_ERROR_BODY_BYTES = 64 * 1024;
const MAX_PAGES = 10_000;

/** Encodes one path segment: an id can never change which endpoint is called. */
export function pathSegment(value: string): string {
	return encodeURIComponent(value).replace(/\./g, '%2E');
}

/** What a node run needs to know of its credential, read once per run rather than once per call. */
interface CredentialFacts {
	baseUrl: string;
	/** Whether it holds an access token already (from an earlier execution): see `AuthState`. */
	holdsToken: boolean;
	/** The decrypted credential every request of the run hands to n8n: see `runCredential`. */
	credential: ICredentialsDecrypted;
}

const credentialFacts = new WeakMap<object, Map<string, Promise<CredentialFacts>>>();

function credentialFactsFor(context: OrangeContext, api: OrangeApi): Promise<CredentialFacts> {
	let perType = credentialFacts.get(context);
	if (!perType) {
		perType = new Map();
		credentialFacts.set(context, perType);
	}
	let facts = perType.get(api.credentialType);
	if (!facts) {
		facts = context.getCredentials(api.credentialType).then((credentials) => ({
			baseUrl: normalizeBaseUrl(credentials.baseUrl),
			holdsToken: heldTokenIsUsable(credentials),
			credential: runCredential(context, api, credentials),
		}));
		perType.set(api.credentialType, facts);
	}
	return facts;
}

/**
 * The credential as n8n-core's request helpers take it already decrypted
 * (`additionalCredentialOptions.credentialsDecrypted`). Without it n8n's server reads the credential
 * from its database and decrypts it for every request: milliseconds of serial work per item. The
 * object is this run's own, read at the run's start (a changed secret is taken at the next run): a
 * token refresh assigns the new token to it (n8n-core) and stores it with the credential (n8n's
 * credentials helper), so the run's later requests send the new token. n8n versions that ignore the
 * option read the credential for each request, as before.
 */
function runCredential(
	context: OrangeContext,
	api: OrangeApi,
	data: ICredentialDataDecryptedObject,
): ICredentialsDecrypted {
	const stored = context.getNode().credentials?.[api.credentialType];
	return { id: stored?.id ?? '', name: stored?.name ?? '', type: api.credentialType, data };
}

const TOKEN_FIELDS = ['accessToken', 'accessTokenIssuedFor', 'accessTokenExpiresAt'] as const;

/**
 * Before asking Orange for a new token on a 401: the token stored with the credential, if another
 * execution (or another queue-mode worker) renewed it since this run read the credential and it
 * suits this run's client and secret. Taken into the run's credential; nothing is asked of Orange.
 */
async function adoptStoredToken(context: OrangeContext, api: OrangeApi, run: CredentialFacts) {
	const held = run.credential.data!;
	const stored = await context.getCredentials(api.credentialType).catch(() => undefined);
	if (!stored?.accessToken || stored.accessToken === held.accessToken) return;
	const token = Object.fromEntries(TOKEN_FIELDS.map((field) => [field, stored[field]]));
	if (heldTokenIsUsable({ ...held, ...token })) Object.assign(held, token);
}

async function baseUrlFor(context: OrangeContext, api: OrangeApi): Promise<string> {
	return (await credentialFactsFor(context, api)).baseUrl;
}

interface RawResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** What went wrong with one attempt, read from the error n8n raised. */
interface Failure {
	status?: number;
	headers: IDataObject;
	bodyText?: string;
	networkCode?: string;
	message: string;
	tokenError?: { message: string; httpCode?: number; requestId?: string };
}

function rootCause(error: unknown): IDataObject {
	let current = error as IDataObject | undefined;
	for (let depth = 0; depth < 6 && current; depth++) {
		if (isOrangeTokenError(current) || current.response || typeof current.code === 'string') {
			return current;
		}
		current = current.cause as IDataObject | undefined;
	}
	return (error ?? {}) as IDataObject;
}

async function readBodyText(body: unknown): Promise<string | undefined> {
	if (body === undefined || body === null) return undefined;
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	if (
		typeof (body as Readable).on === 'function' &&
		typeof (body as Readable).read === 'function'
	) {
		const chunks: Buffer[] = [];
		let size = 0;
		try {
			for await (const chunk of body as Readable) {
				const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
				chunks.push(buffer);
				size += buffer.length;
				if (size >= MAX_ERROR_BODY_BYTES) break;
			}
		} catch {
			// A body cut off midway still tells what it could.
		}
		(body as Readable).destroy();
		return Buffer.concat(chunks).toString('utf8');
	}
	if (typeof body === 'object') return JSON.stringify(body);
	return String(body);
}

async function readFailure(error: unknown): Promise<Failure> {
	const cause = rootCause(error);
	if (isOrangeTokenError(cause)) {
		return {
			headers: {},
			message: cause.message,
			tokenError: {
				message: cause.message,
				httpCode: cause.tokenStatus,
				requestId: cause.requestId,
			},
		};
	}
	const response = cause.response as IDataObject | undefined;
	const failure: Failure = {
		headers: ((response?.headers as IDataObject) ?? {}) as IDataObject,
		message: typeof cause.message === 'string' ? cause.message : 'Request failed',
	};
	if (response && typeof response.status === 'number') {
		failure.status = response.status;
		failure.bodyText = await readBodyText(response.data);
	} else if (typeof cause.code === 'string') {
		failure.networkCode = cause.code;
	}
	return failure;
}

function retryAfterMs(headers: IDataObject): number | undefined {
	const value = headerValue(headers, 'retry-after');
	if (value === undefined) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function backoffMs(attempt: number): number {
	return Math.min(500 * 2 ** attempt, 8_000) + Math.floor(Math.random() * 250);
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
const MAYBE_SENT_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ERR_BAD_RESPONSE',
	'ERR_STREAM_PREMATURE_CLOSE',
]);

function isRateLimited(failure: Failure): boolean {
	if (failure.status === 429) return true;
	if (failure.status !== 403) return false;
	const code = parseJsonObject(failure.bodyText)?.code;
	return code === 53 || code === '53';
}

/** How long to wait before the next attempt, or undefined when it must not be retried. */
function retryDelay(failure: Failure, attempt: number, idempotent: boolean): number | undefined {
	if (failure.tokenError) return undefined;
	const retryAfter = retryAfterMs(failure.headers);
	if (isRateLimited(failure)) return retryAfter ?? backoffMs(attempt);
	if (failure.status === 503 && retryAfter !== undefined) return retryAfter;
	if (failure.status !== undefined) {
		return idempotent && [500, 502, 503, 504].includes(failure.status)
			? backoffMs(attempt)
			: undefined;
	}
	if (failure.networkCode && NOT_SENT_CODES.has(failure.networkCode)) return backoffMs(attempt);
	if (failure.networkCode && MAYBE_SENT_CODES.has(failure.networkCode) && idempotent) {
		return backoffMs(attempt);
	}
	return undefined;
}

function describeBody(failure: Failure): { orange?: IDataObject; html: boolean } {
	const orange = parseJsonObject(failure.bodyText);
	const contentType = headerValue(failure.headers, 'content-type') ?? '';
	const html = !orange && (/html/i.test(contentType) || /^\s*</.test(failure.bodyText ?? ''));
	return { orange, html };
}

/** Turns a failed attempt into the error the user sees: Orange's words, the code, the request id. */
function toNodeApiError(
	context: OrangeContext,
	api: OrangeApi,
	request: OrangeRequest,
	failure: Failure,
	idempotent: boolean,
): NodeApiError {
	const itemIndex = request.itemIndex;
	if (failure.tokenError) {
		const { message, httpCode, requestId } = failure.tokenError;
		return new NodeApiError(
			context.getNode(),
			{ message, httpCode: httpCode ?? null } as JsonObject,
			{
				message,
				description: requestId ? `Orange request ID: ${requestId}` : undefined,
				httpCode: httpCode !== undefined ? String(httpCode) : undefined,
				itemIndex,
			},
		);
	}

	const requestId = headerValue(failure.headers, REQUEST_ID_HEADER);
	const where = `${request.method} ${api.basePath}${request.path}`;
	let message: string;
	const details: string[] = [];
	let orangeCode: unknown;

	if (failure.status === undefined) {
		// The system code goes in the description: n8n rewrites a message that contains one.
		const code = failure.networkCode ?? 'network error';
		const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT';
		const what = timedOut ? 'timed out' : (NETWORK_WORDS[code] ?? 'network error');
		message = timedOut
			? `${api.label} did not answer in time (${where})`
			: `Could not reach ${api.label}: ${what} (${where})`;
		if (!idempotent && !NOT_SENT_CODES.has(code)) {
			message = `${api.label}: the outcome of ${where} is unknown (${what})`;
			details.push(
				'The request may have reached Orange and been carried out. It was not sent again, to avoid doing it twice: check in the Orange customer space before running this item again.',
			);
		}
		details.push(`Network error code: ${code}`);
	} else {
		const { orange, html } = describeBody(failure);
		orangeCode = orange?.code;
		const orangeMessage = [orange?.message, orange?.error].find((v) => typeof v === 'string');
		const orangeDescription = [orange?.description, orange?.error_description].find(
			(v) => typeof v === 'string',
		);
		if (orangeMessage || orangeDescription) {
			message = `${api.label}: ${String(orangeMessage ?? orangeDescription)}`;
			if (orangeMessage && orangeDescription && orangeDescription !== orangeMessage) {
				details.push(String(orangeDescription));
			}
		} else if (html) {
			message = `${api.label} answered HTTP ${failure.status} with an HTML page instead of JSON: a proxy or the gateway failed, not the API`;
		} else if (failure.bodyText && failure.bodyText.trim() !== '') {
			message = `${api.label} answered HTTP ${failure.status} with a body that is not Orange's JSON error format`;
		} else {
			message = `${api.label} answered HTTP ${failure.status} with an empty body`;
		}
		if (api.formatHint && isFormatError(failure.status, orangeCode)) {
			message = `${message} — ${api.formatHint}`;
		}
		if (!idempotent && failure.status >= 500) {
			details.push(
				'The request may have been carried out by Orange. It was not sent again, to avoid doing it twice: check in the Orange customer space before running this item again.',
			);
		}
		if (failure.status === 401) {
			details.push(
				'Orange refused the credentials after a token refresh: check the API key and that the application is subscribed to the API.',
			);
		}
	}
	details.push(`Request: ${where}`);
	if (requestId) details.push(`Orange request ID: ${requestId} (give it to Orange support)`);

	const description = details.join('\n');
	return new NodeApiError(
		context.getNode(),
		{
			message,
			description,
			httpCode: failure.status ?? null,
			orangeCode: (orangeCode as string | number | undefined) ?? null,
			requestId: requestId ?? null,
		} as JsonObject,
		{
			message,
			description,
			httpCode: failure.status !== undefined ? String(failure.status) : undefined,
			itemIndex,
		},
	);
}

/**
 * Token coordination for one node run and one credential. Items may run in parallel; they must
 * still share one token: when the credential holds none yet, the first call goes alone (it fetches
 * the token the others reuse), and when Orange answers 401 only one call asks n8n for a new token
 * while the others wait for it. A token request Orange refused (wrong secret) is not asked again
 * for every item.
 */
interface AuthState {
	first?: Promise<unknown>;
	warm: boolean;
	refreshing?: Promise<void>;
	generation: number;
	fatal?: Failure;
}

const authStates = new WeakMap<object, Map<string, AuthState>>();

function authStateFor(context: OrangeContext, credentialType: string): AuthState {
	let perType = authStates.get(context);
	if (!perType) {
		perType = new Map();
		authStates.set(context, perType);
	}
	let state = perType.get(credentialType);
	if (!state) {
		state = { warm: false, generation: 0 };
		perType.set(credentialType, state);
	}
	return state;
}

/** n8n-core's own refresh is switched off for ordinary calls: `send` decides who refreshes. */
const NO_AUTOMATIC_REFRESH: number[] = [];

/** Sends one request with retries; answers the raw response (body as text or stream). */
async function send(
	context: OrangeContext,
	api: OrangeApi,
	request: OrangeRequest,
	encoding: 'text' | 'stream',
): Promise<RawResponse> {
	const facts = await credentialFactsFor(context, api);
	const { baseUrl, holdsToken, credential } = facts;
	const idempotent = request.idempotent ?? request.method === 'GET';
	const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
	if (request.body) headers['Content-Type'] = 'application/json';
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${api.basePath}${request.path}`,
		qs: request.qs,
		headers,
		body: request.body ? JSON.stringify(request.body) : undefined,
		encoding,
		json: false,
		returnFullResponse: true,
		// Redirects are followed by `orangeApiDownload` itself, so that the API key never leaves Orange.
		disableFollowRedirect: true,
		timeout: request.timeout ?? DEFAULT_TIMEOUT_MS,
	};
	const call = (retryStatusCodes: number[]) =>
		context.helpers.httpRequestWithAuthentication.call(
			context,
			api.credentialType,
			{ ...options, headers: { ...headers } },
			{ preAuthenticationRetryStatusCode: retryStatusCodes, credentialsDecrypted: credential },
		) as Promise<RawResponse>;

	const auth = authStateFor(context, api.credentialType);
	// A token from an earlier execution is shared at once; if it has expired, the 401s that
	// follow are coordinated below like any expiry.
	if (holdsToken) auth.warm = true;
	let refreshed = false;
	let waited = 0;
	for (let attempt = 0; ; attempt++) {
		if (!auth.warm && auth.first) await auth.first.catch(() => undefined);
		if (auth.refreshing) await auth.refreshing;
		if (auth.fatal) throw toNodeApiError(context, api, request, auth.fatal, idempotent);
		const generation = auth.generation;
		let failure: Failure;
		try {
			const pending = call(NO_AUTOMATIC_REFRESH);
			if (!auth.warm && !auth.first) {
				auth.first = pending;
				void pending.then(
					() => (auth.warm = true),
					() => (auth.warm = true),
				);
			}
			return await pending;
		} catch (error) {
			failure = await readFailure(error);
			if (failure.networkCode === 'ERR_CANCELED')
				throw new NodeApiError(context.getNode(), error as JsonObject);
		}

		if (failure.status === 401 && !refreshed) {
			refreshed = true;
			// Another call refreshed the token since this one was sent, or is refreshing it: resend.
			if (auth.generation !== generation || auth.refreshing) continue;
			let release = () => {};
			auth.refreshing = new Promise<void>((resolve) => (release = resolve));
			try {
				await adoptStoredToken(context, api, facts);
				// Sent with a stale token, this call gets the 401 again; n8n-core then runs the
				// credential's preAuthentication once and sends it a last time with the new token.
				return await call([401]);
			} catch (error) {
				failure = await readFailure(error);
			} finally {
				auth.generation++;
				auth.refreshing = undefined;
				release();
			}
		}
		if (failure.tokenError && failure.tokenError.httpCode !== 429) auth.fatal = failure;
		if (failure.status !== undefined && failure.status >= 300 && failure.status < 400) {
			return { statusCode: failure.status, headers: failure.headers, body: undefined };
		}
		const delay = retryDelay(failure, attempt, idempotent);
		if (
			delay === undefined ||
			attempt + 1 >= MAX_ATTEMPTS ||
			delay > MAX_SINGLE_WAIT_MS ||
			waited + delay > MAX_TOTAL_WAIT_MS
		) {
			throw toNodeApiError(context, api, request, failure, idempotent);
		}
		waited += delay;
		await sleep(delay);
	}
}

/** One JSON call, with the answer's headers. Bodies that are not JSON (truncated, HTML) become a clear error. */
async function requestJson<T>(
	context: OrangeContext,
	api: OrangeApi,
	request: OrangeRequest,
): Promise<{ body: T; headers: IDataObject }> {
	const idempotent = request.idempotent ?? request.method === 'GET';
	for (let attempt = 0; ; attempt++) {
		const response = await send(context, api, request, 'text');
		const text = typeof response.body === 'string' ? response.body : '';
		if (text.trim() === '') return { body: {} as T, headers: response.headers };
		try {
			return { body: JSON.parse(text) as T, headers: response.headers };
		} catch {
			// A body cut off in transit: a read can be asked again, a write cannot.
			if (idempotent && attempt < 2) continue;
			throw toNodeApiError(
				context,
				api,
				request,
				{
					status: response.statusCode,
					headers: response.headers,
					bodyText: text.slice(0, 200),
					message: 'Invalid JSON',
				},
				idempotent,
			);
		}
	}
}

/** One JSON call. */
export async function orangeApiRequest<T = IDataObject>(
	this: OrangeContext,
	api: OrangeApi,
	request: OrangeRequest,
): Promise<T> {
	return (await requestJson<T>(this, api, request)).body;
}

/** The list inside an answer: a bare array, or an array under a known key; `null` is an empty list. */
export function listFromAnswer(answer: unknown, keys: string[]): IDataObject[] {
	if (Array.isArray(answer)) return answer as IDataObject[];
	if (typeof answer === 'object' && answer !== null) {
		for (const key of keys) {
			const value = (answer as IDataObject)[key];
			if (Array.isArray(value)) return value as IDataObject[];
		}
	}
	return [];
}

export interface PageOptions {
	/** Stop after this many items; undefined for all. */
	limit?: number;
	pageSize: number;
	/** Keys under which an answer may wrap its list (`documents`, …). */
	listKeys: string[];
	/** Told when the API ignored `offset` and the list read may be incomplete; without it, that fails. */
	onUncertainEnd?: (message: string) => void;
}

/** The most a list is asked for in one page when its API turns out to ignore `offset`. */
const WHOLE_LIST_LIMIT = 10_000;

/**
 * An API that ignores `offset` answers its first page again and again. The list is then asked once
 * more from its start in one page as large as it may be. Unless that answer provably holds it all
 * (the announced total, or the limit asked, reached), the caller's `onUncertainEnd` is told that more
 * may exist — or, without one, the read fails saying so: never a list cut short in silence.
 */
async function restOfListIgnoringOffset(
	context: OrangeContext,
	api: OrangeApi,
	request: OrangeRequest,
	{ limit, listKeys, onUncertainEnd }: PageOptions,
	read: number,
	total: number | undefined,
): Promise<IDataObject[]> {
	const wanted = Math.min(limit ?? WHOLE_LIST_LIMIT, total ?? WHOLE_LIST_LIMIT);
	const { body } = await requestJson<unknown>(context, api, {
		...request,
		qs: { ...request.qs, limit: wanted, offset: 0 },
	});
	const all = listFromAnswer(body, listKeys);
	const rest = all.slice(read, limit);
	if (all.length >= (total ?? limit ?? Infinity)) return rest;
	const message = `${api.label} ignored the "offset" of its list (${request.method} ${api.basePath}${request.path}): ${Math.max(read, all.length)} items were read in one request, and more may exist. Narrow the list (period, document type) or ask Orange support about paging.`;
	if (onUncertainEnd) {
		onUncertainEnd(message);
		return rest;
	}
	throw new NodeApiError(context.getNode(), { message } as JsonObject, {
		message,
		itemIndex: request.itemIndex,
	});
}

/**
 * Reads a `limit`/`offset` list page by page, until the limit, the total the API announces
 * (`X-Total-Count`), an empty page, or a page shorter than the fullest one seen — an API that caps
 * its pages below the size asked for is still read to the end. A page that repeats the previous
 * one (an API ignoring `offset`) is not an end: see `restOfListIgnoringOffset`. The caller may stop early.
 */
export async function* orangeApiPages(
	this: OrangeContext,
	api: OrangeApi,
	request: OrangeRequest,
	options: PageOptions,
): AsyncGenerator<IDataObject[]> {
	const { limit, pageSize, listKeys } = options;
	let read = 0;
	let previousFirst: string | undefined;
	let fullestPage = 0;
	let total: number | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const size = limit === undefined ? pageSize : Math.min(pageSize, limit - read);
		const { body, headers } = await requestJson<unknown>(this, api, {
			...request,
			qs: { ...request.qs, limit: size, offset: read },
		});
		const pageItems = listFromAnswer(body, listKeys);
		const first = pageItems.length > 0 ? JSON.stringify(pageItems[0]) : undefined;
		if (pageItems.length === 0) return;
		if (page > 0 && first === previousFirst) {
			const rest = await restOfListIgnoringOffset(this, api, request, options, read, total);
			if (rest.length > 0) yield rest;
			return;
		}
		previousFirst = first;
		read += pageItems.length;
		fullestPage = Math.max(fullestPage, pageItems.length);
		yield limit === undefined ? pageItems : pageItems.slice(0, limit - (read - pageItems.length));
		const announced = Number(headerValue(headers, 'x-total-count'));
		total = Number.isFinite(announced) && announced > 0 ? announced : undefined;
		if (limit !== undefined && read >= limit) return;
		if (total !== undefined ? read >= total : pageItems.length < fullestPage) return;
	}
}

/**
 * An `onUncertainEnd` for action nodes: the warning shows above the node's output (n8n's execution
 * hints), once per run, and the items read go on. Undefined where n8n has no hints (the read fails).
 */
export function warnAboveOutput(context: OrangeContext): ((message: string) => void) | undefined {
	const { addExecutionHints } = context as Partial<IExecuteFunctions>;
	if (typeof addExecutionHints !== 'function') return undefined;
	const shown = new Set<string>();
	return (message) => {
		if (shown.has(message)) return;
		shown.add(message);
		addExecutionHints.call(context, { message, type: 'warning', location: 'outputPane' });
	};
}

/** Every item of a `limit`/`offset` list (see `orangeApiPages`). */
export async function orangeApiRequestAllItems(
	this: OrangeContext,
	api: OrangeApi,
	request: OrangeRequest,
	options: PageOptions,
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	for await (const page of orangeApiPages.call(this, api, request, options)) items.push(...page);
	return items;
}

export interface DownloadedFile {
	body: Readable | Buffer;
	fileName?: string;
	mimeType?: string;
	size?: number;
}

/** File name from a Content-Disposition header (RFC 6266, with RFC 5987 `filename*`). */
export function fileNameFromContentDisposition(header: string | undefined): string | undefined {
	if (!header) return undefined;
	const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
	if (extended) {
		try {
			return decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
		} catch {
			// Malformed percent-encoding: fall back to the plain parameter.
		}
	}
	const plain = /filename\s*=\s*("((?:\\.|[^"\\])*)"|[^;]+)/i.exec(header);
	if (!plain) return undefined;
	const value = plain[2] !== undefined ? plain[2].replace(/\\(.)/g, '$1') : plain[1].trim();
	return value.split(/[\\/]/).pop() || undefined;
}

const MAX_REDIRECTS = 5;

/**
 * Downloads a file as a stream. Redirects within the gateway keep the credentials; a redirect to
 * another host (a storage link) is followed without the token or the API key.
 */
export async function orangeApiDownload(
	this: IExecuteFunctions | IPollFunctions,
	api: OrangeApi,
	request: OrangeRequest,
): Promise<DownloadedFile> {
	const baseUrl = await baseUrlFor(this, api);
	let response = await send(this, api, request, 'stream');
	let location = `${baseUrl}${api.basePath}${request.path}`;
	for (let hop = 0; response.statusCode >= 300 && response.statusCode < 400; hop++) {
		const next = headerValue(response.headers, 'location');
		if (!next || hop >= MAX_REDIRECTS) {
			throw toNodeApiError(
				this,
				api,
				request,
				{ ...response, status: response.statusCode, message: 'Redirect' },
				true,
			);
		}
		location = new URL(next, location).toString();
		if (new URL(location).origin === new URL(baseUrl).origin) {
			response = await send(
				this,
				api,
				{ ...request, path: location.slice(`${baseUrl}${api.basePath}`.length) },
				'stream',
			);
		} else {
			response = await downloadWithoutCredentials(this, location, request.timeout);
		}
	}
	if (response.statusCode >= 400) {
		const bodyText = await readBodyText(response.body);
		throw toNodeApiError(
			this,
			api,
			request,
			{
				status: response.statusCode,
				headers: response.headers,
				bodyText,
				message: 'Download failed',
			},
			true,
		);
	}
	const lengthHeader = headerValue(response.headers, 'content-length');
	return {
		body: response.body as Readable,
		fileName: fileNameFromContentDisposition(headerValue(response.headers, 'content-disposition')),
		mimeType: headerValue(response.headers, 'content-type')?.split(';')[0].trim() || undefined,
		size: lengthHeader !== undefined ? Number(lengthHeader) : undefined,
	};
}

/** A plain GET with no Orange header at all, for a file hosted outside the gateway. */
async function downloadWithoutCredentials(
	context: IExecuteFunctions | IPollFunctions,
	url: string,
	timeout: number | undefined,
): Promise<RawResponse> {
	return (await context.helpers.httpRequest({
		method: 'GET',
		url,
		encoding: 'stream',
		json: false,
		returnFullResponse: true,
		disableFollowRedirect: true,
		ignoreHttpStatusErrors: true,
		timeout: timeout ?? DEFAULT_TIMEOUT_MS,
	})) as RawResponse;
}
