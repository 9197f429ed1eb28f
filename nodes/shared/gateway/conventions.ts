/**
 * Orange API gateway (api.orange.com) conventions shared by both credentials and every node:
 * the base URL, the token endpoint, the request-id header, error bodies and headers. Nothing here
 * knows about a specific API; `OrangeApi` descriptors say which credential and base path an API uses.
 */
import type { IDataObject } from 'n8n-workflow';

export const DEFAULT_BASE_URL = 'https://api.orange.com';
export const TOKEN_PATH = '/oauth/v3/token';
export const REQUEST_ID_HEADER = 'x-oapi-request-id';

/** Which credential an API uses and where it lives under the gateway's base URL. */
export interface OrangeApi {
	credentialType: 'orangeCloudStoreApi' | 'orangeEligibilityApi';
	basePath: string;
	/** Product name used in error messages ("Orange Cloud Store"). */
	label: string;
	/** Added to an error that says the request's format or path was not understood (`isFormatError`). */
	formatHint?: string;
}

/**
 * Orange's codes for a request the endpoint does not understand: 20–28 (400: URL, body, header or
 * query string), 60 (404: no such resource), 61 (405: method), 68 (415: media type).
 */
export const FORMAT_ERROR_CODES = [20, 21, 22, 23, 24, 25, 26, 27, 28, 60, 61, 68];

export function isFormatError(status: number | undefined, orangeCode: unknown): boolean {
	if (status === 405 || status === 415) return true;
	if (status !== 400 && status !== 404) return false;
	return FORMAT_ERROR_CODES.includes(Number(orangeCode));
}

/** The titles of Orange's gateway codes: they say which rule, the description says what. */
const GENERIC_TITLES = new Set(
	[
		'Invalid URL parameter value',
		'Missing body',
		'Invalid body',
		'Missing body field',
		'Invalid body field',
		'Missing header',
		'Invalid header value',
		'Missing query-string parameter',
		'Invalid query-string parameter value',
		'Access denied',
		'Resource not found',
		'Not found',
		'Method not allowed',
		'Bad request',
		'Internal error',
		'Internal server error',
		'Service unavailable',
	].map((title) => title.toLowerCase()),
);

/** Whether an error's message is only the title of its code ("Resource not found"). */
export function isGenericTitle(message: string): boolean {
	return GENERIC_TITLES.has(message.trim().replace(/\.$/, '').toLowerCase());
}

/**
 * Whether a 404 says the path is unknown (a wrong path or gateway), not that the thing asked for
 * is: no Orange body at all, or words about the URI or resource itself — the gateway's "The
 * requested URI or the requested resource does not exist".
 */
export function isUnknownPathAnswer(orange: IDataObject | undefined): boolean {
	if (!orange) return true;
	const words = [orange.message, orange.description]
		.filter((value): value is string => typeof value === 'string')
		.join(' ');
	if (words.trim() === '' || isGenericTitle(words)) return true;
	return /\b(ur[il]s?|path|endpoint|route|no resource|requested resource)\b/i.test(words);
}

/** Plain words for network error codes: n8n replaces a message that contains the code itself. */
export const NETWORK_WORDS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'the connection was reset',
	ENOTFOUND: 'unknown host',
	EAI_AGAIN: 'DNS lookup failed',
	EHOSTUNREACH: 'host unreachable',
	EPIPE: 'the connection was closed',
	ERR_BAD_RESPONSE: 'the answer was malformed',
	ERR_STREAM_PREMATURE_CLOSE: 'the answer was cut off',
};

export function normalizeBaseUrl(value: unknown): string {
	const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_BASE_URL;
	return text.replace(/\/+$/, '');
}

export function parseJsonObject(text: unknown): IDataObject | undefined {
	if (typeof text === 'object' && text !== null && !Array.isArray(text)) return text as IDataObject;
	if (typeof text !== 'string') return undefined;
	try {
		const parsed = JSON.parse(text) as unknown;
		return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
			? (parsed as IDataObject)
			: undefined;
	} catch {
		return undefined;
	}
}

export function headerValue(headers: unknown, name: string): string | undefined {
	if (typeof headers !== 'object' || headers === null) return undefined;
	for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
		if (key.toLowerCase() === name) return Array.isArray(value) ? String(value[0]) : String(value);
	}
	return undefined;
}
