/**
 * The token a credential holds, and when it may be sent: the credentials' `authenticate`.
 */
import { createHash } from 'node:crypto';

import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { normalizeBaseUrl } from './conventions';

/**
 * The last digest worked out for a credential object (a run's own, shared by its requests), and
 * what it digested: `authenticate` asks for every request. Kept no longer than the object itself.
 */
const issuers = new WeakMap<object, { source: string; digest: string }>();

/**
 * A digest of what a token depends on: the client id, the client secret, the scope and the gateway. Stored
 * beside the token, never the secret itself.
 */
export function tokenIssuer(credentials: ICredentialDataDecryptedObject): string {
	const source = JSON.stringify([
		normalizeBaseUrl(credentials.baseUrl),
		String(credentials.clientId ?? '').trim(),
		String(credentials.clientSecret ?? '').trim(),
		// Only when set: a token held before the field existed stays valid.
		...(String(credentials.scope ?? '').trim() ? [String(credentials.scope).trim()] : []),
	]);
	const known = issuers.get(credentials);
	if (known?.source === source) return known.digest;
	const digest = createHash('sha256').update(source).digest('base64url');
	issuers.set(credentials, { source, digest });
	return digest;
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
