/**
 * Orange API gateway (api.orange.com) conventions shared by both credentials and every node:
 * the token endpoint, the error body, the request-id header. Nothing here knows about a
 * specific API; `OrangeApi` descriptors say which credential and base path an API uses.
 */
import { createHash } from 'node:crypto';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export const DEFAULT_BASE_URL = 'https://api.orange.com';
export const TOKEN_PATH = '/oauth/v3/token';
export const REQUEST_ID_HEADER = 'x-oapi-request-id';

/** The fields every Orange credential has: the token n8n keeps, the application's client id and secret. */
export const clientCredentialProperties: INodeProperties[] = [
	{
		displayName: 'Access Token',
		name: 'accessToken',
		type: 'hidden',
		typeOptions: { expirable: true, password: true },
		default: '',
	},
	// Kept beside the token by preAuthentication: which client id, secret and gateway it was issued
	// for, and until when. See `heldTokenIsUsable`.
	{
		displayName: 'Access Token Issued For',
		name: 'accessTokenIssuedFor',
		type: 'hidden',
		typeOptions: { password: true },
		default: '',
	},
	{
		displayName: 'Access Token Expires At',
		name: 'accessTokenExpiresAt',
		type: 'hidden',
		default: '',
	},
	{
		displayName: 'Client ID',
		name: 'clientId',
		type: 'string',
		default: '',
		required: true,
		description: 'Client ID of your application in Orange Developer → My apps',
	},
	{
		displayName: 'Client Secret',
		name: 'clientSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'Client secret of your application in Orange Developer → My apps',
	},
];

export const baseUrlProperty: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: DEFAULT_BASE_URL,
	description: "Orange's API gateway. Change it only for a proxy or the package's sandbox.",
};

/** Some Orange Wholesale APIs want a scope in the token request; most want none. */
export const scopeProperty: INodeProperties = {
	displayName: 'Scope',
	name: 'scope',
	type: 'string',
	default: '',
	placeholder: 'leave empty unless your API reference names one',
	description:
		'Sent in the token request only when set (several scopes separated by spaces). Leave empty unless Orange asks for one.',
};

/** The token request's form body: the grant, and the scope when the credential has one. */
export function tokenRequestBody(credentials: ICredentialDataDecryptedObject): string {
	const scope = String(credentials.scope ?? '').trim();
	return scope === ''
		? 'grant_type=client_credentials'
		: `grant_type=client_credentials&scope=${encodeURIComponent(scope)}`;
}

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

/**
 * Raised by the credentials' `preAuthentication` when Orange refuses or fails to give a token.
 * It carries no request data, so neither the client secret nor the Basic header can leak through it.
 */
export class OrangeTokenError extends Error {
	readonly isOrangeTokenError = true;

	constructor(
		message: string,
		// Not named httpCode/status/code: n8n would then replace the message with a generic one.
		readonly tokenStatus: number | undefined,
		readonly requestId: string | undefined,
	) {
		super(message);
		this.name = 'OrangeTokenError';
	}
}

export function isOrangeTokenError(error: unknown): error is OrangeTokenError {
	return (
		typeof error === 'object' &&
		error !== null &&
		(error as { isOrangeTokenError?: boolean }).isOrangeTokenError === true
	);
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

/**
 * A digest of what a token depends on: the client id, the client secret, the scope and the gateway. Stored
 * beside the token, never the secret itself.
 */
export function tokenIssuer(credentials: ICredentialDataDecryptedObject): string {
	return createHash('sha256')
		.update(
			JSON.stringify([
				normalizeBaseUrl(credentials.baseUrl),
				String(credentials.clientId ?? '').trim(),
				String(credentials.clientSecret ?? '').trim(),
				// Only when set: a token held before the field existed stays valid.
				...(String(credentials.scope ?? '').trim() ? [String(credentials.scope).trim()] : []),
			]),
		)
		.digest('base64url');
}

/**
 * Whether the token the credential holds may be sent. n8n keeps a token in the credential and asks
 * for a new one only when the field is empty or Orange answers 401; its credential test (2.40)
 * reuses a held token too. So a token is not sent once its client id, secret or gateway changed,
 * nor after it expired: the 401 that follows makes n8n run preAuthentication with what the
 * credential holds now — a changed secret is then tested for real, a wrong one tests red.
 */
export function heldTokenIsUsable(credentials: ICredentialDataDecryptedObject): boolean {
	const token = credentials.accessToken;
	if (typeof token !== 'string' || token === '') return false;
	if (credentials.accessTokenIssuedFor !== tokenIssuer(credentials)) return false;
	const expiresAt = Date.parse(String(credentials.accessTokenExpiresAt ?? ''));
	return Number.isNaN(expiresAt) || Date.now() < expiresAt;
}

/**
 * Marks a credential's test request whose HTTP errors are judged by its rules
 * (`ignoreHttpStatusErrors`): see `bearerAuthentication`. Never sent with a token.
 */
export const RULE_JUDGED_TEST_HEADER = 'X-N8n-Orange-Credential-Test';

/**
 * The credentials' `authenticate`: the Bearer token, plus the `X-API-Key` header when the
 * credential has an API key field. A function rather than n8n's generic `{{$credentials.…}}`
 * template because n8n evaluates a template as an expression on every request (about 0.1 ms of
 * CPU each, in the same thread as every other item); a function is a plain call. The HTTP Request
 * node uses it all the same when the credential is picked as a predefined credential type.
 *
 * Without a usable token (`heldTokenIsUsable`) the request goes without one, to get the 401 that
 * has n8n fetch a new token; a test request that ignores HTTP errors is then made to throw on it,
 * or n8n would judge Orange's 401 instead of refreshing.
 */
export function bearerAuthentication(apiKeyField?: string) {
	return async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const { [RULE_JUDGED_TEST_HEADER]: ruleJudgedTest, ...headers } = requestOptions.headers ?? {};
		if (heldTokenIsUsable(credentials)) {
			headers.Authorization = `Bearer ${String(credentials.accessToken)}`;
			if (apiKeyField) headers['X-API-Key'] = String(credentials[apiKeyField] ?? '');
			return {
				...requestOptions,
				headers,
				...(ruleJudgedTest ? { ignoreHttpStatusErrors: true } : {}),
			};
		}
		delete headers.Authorization;
		if (ruleJudgedTest) {
			return {
				...requestOptions,
				headers: { ...headers, [RULE_JUDGED_TEST_HEADER]: ruleJudgedTest },
				ignoreHttpStatusErrors: false,
			};
		}
		return { ...requestOptions, headers };
	};
}

/**
 * Client-credentials token request, used as both credentials' `preAuthentication`.
 * Orange limits token requests to 50 a minute: n8n stores the result in the credential's hidden
 * `accessToken` field, so this runs once per token lifetime, not per call.
 */
export async function fetchOrangeAccessToken(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<{ accessToken: string; accessTokenIssuedFor: string; accessTokenExpiresAt: string }> {
	const clientId = String(credentials.clientId ?? '').trim();
	const clientSecret = String(credentials.clientSecret ?? '').trim();
	if (clientId === '' || clientSecret === '') {
		throw new OrangeTokenError(
			'The credential has no Client ID or Client Secret: copy both from Orange Developer → My apps',
			undefined,
			undefined,
		);
	}
	const url = `${normalizeBaseUrl(credentials.baseUrl)}${TOKEN_PATH}`;
	// Failures are read after the call, not thrown from a catch: the error of the HTTP client carries
	// the request's headers, Basic credentials included, and must go no further.
	const response = (await this.helpers
		.httpRequest({
			method: 'POST',
			url,
			headers: {
				Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
				'Content-Type': 'application/x-www-form-urlencoded',
				Accept: 'application/json',
			},
			body: tokenRequestBody(credentials),
			encoding: 'text',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 30_000,
		})
		.catch((error: { code?: string }) => ({ networkCode: error.code ?? 'network error' }))) as
		| { statusCode: number; headers: IDataObject; body: unknown }
		| { networkCode: string };
	if ('networkCode' in response) {
		throw new OrangeTokenError(
			`Could not reach Orange's token endpoint ${url} (${NETWORK_WORDS[response.networkCode] ?? 'network error'}): check the Base URL of the credential`,
			undefined,
			undefined,
		);
	}

	const requestId = headerValue(response.headers, REQUEST_ID_HEADER);
	const body = parseJsonObject(response.body);
	if (response.statusCode >= 200 && response.statusCode < 300) {
		const accessToken = body?.access_token;
		if (typeof accessToken === 'string' && accessToken !== '') {
			// expires_in may come as a string; an absent or implausible one records no expiry.
			const lifetimeSeconds = Number(body?.expires_in);
			return {
				accessToken,
				accessTokenIssuedFor: tokenIssuer(credentials),
				accessTokenExpiresAt:
					lifetimeSeconds >= 60 ? new Date(Date.now() + lifetimeSeconds * 1000).toISOString() : '',
			};
		}
		throw new OrangeTokenError(
			`Orange's token endpoint answered ${response.statusCode} without an access_token`,
			response.statusCode,
			requestId,
		);
	}

	const orangeText =
		[body?.error, body?.error_description ?? body?.message ?? body?.description]
			.filter((part) => typeof part === 'string' && part !== '')
			.join(': ') || `HTTP ${response.statusCode}`;
	let advice = '';
	if (response.statusCode === 400 || response.statusCode === 401 || response.statusCode === 403) {
		advice =
			' — check the Client ID and Client Secret of the credential (Orange Developer → My apps)';
	} else if (response.statusCode === 429) {
		advice = ' — Orange allows 50 token requests a minute; try again in a minute';
	}
	throw new OrangeTokenError(
		`Orange refused the token request (${orangeText})${advice}`,
		response.statusCode,
		requestId,
	);
}
