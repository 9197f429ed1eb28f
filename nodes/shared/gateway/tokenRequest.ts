/**
 * The client-credentials token request, the credentials' `preAuthentication`, and the error it
 * raises when Orange refuses or fails to give a token.
 */
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { rememberTokenError } from '../answerInError';

import {
	headerValue,
	NETWORK_WORDS,
	normalizeBaseUrl,
	parseJsonObject,
	REQUEST_ID_HEADER,
	TOKEN_PATH,
} from './conventions';
import { tokenIssuer } from './heldToken';

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
		rememberTokenError(this);
	}
}

export function isOrangeTokenError(error: unknown): error is OrangeTokenError {
	return (
		typeof error === 'object' &&
		error !== null &&
		(error as { isOrangeTokenError?: boolean }).isOrangeTokenError === true
	);
}

/** The token request's form body: the grant, and the scope when the credential has one. */
export function tokenRequestBody(credentials: ICredentialDataDecryptedObject): string {
	const scope = String(credentials.scope ?? '').trim();
	return scope === ''
		? 'grant_type=client_credentials'
		: `grant_type=client_credentials&scope=${encodeURIComponent(scope)}`;
}

type TokenAnswer =
	| { statusCode: number; headers: IDataObject; body: unknown }
	| { networkCode: string };

export type HeldToken = {
	accessToken: string;
	accessTokenIssuedFor: string;
	accessTokenExpiresAt: string;
};

/**
 * POSTs the client credentials to the token endpoint. Failures are read after the call, not
 * thrown from a catch: the error of the HTTP client carries the request's headers, Basic
 * credentials included, and must go no further.
 */
async function postTokenRequest(
	context: IHttpRequestHelper,
	url: string,
	credentials: ICredentialDataDecryptedObject,
	[clientId, clientSecret]: [string, string],
): Promise<TokenAnswer> {
	return (await context.helpers
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
		.catch((error: { code?: string }) => ({
			networkCode: error.code ?? 'network error',
		}))) as TokenAnswer;
}

/** The token of a 2xx answer, with what it was issued for and until when. */
function tokenOf(
	credentials: ICredentialDataDecryptedObject,
	statusCode: number,
	body: IDataObject | undefined,
	requestId: string | undefined,
): HeldToken {
	const accessToken = body?.access_token;
	if (typeof accessToken !== 'string' || accessToken === '') {
		throw new OrangeTokenError(
			`Orange's token endpoint answered ${statusCode} without an access_token`,
			statusCode,
			requestId,
		);
	}
	// expires_in may come as a string; an absent or implausible one records no expiry.
	const lifetimeSeconds = Number(body?.expires_in);
	return {
		accessToken,
		accessTokenIssuedFor: tokenIssuer(credentials),
		accessTokenExpiresAt:
			lifetimeSeconds >= 60 ? new Date(Date.now() + lifetimeSeconds * 1000).toISOString() : '',
	};
}

/** Orange's refusal in its own words (RFC 6749 or its usual body), with what to do about it. */
function refusalOf(
	statusCode: number,
	body: IDataObject | undefined,
	requestId: string | undefined,
): OrangeTokenError {
	const orangeText =
		[body?.error, body?.error_description ?? body?.message ?? body?.description]
			.filter((part) => typeof part === 'string' && part !== '')
			.join(': ') || `HTTP ${statusCode}`;
	let advice = '';
	if (statusCode === 400 || statusCode === 401 || statusCode === 403) {
		advice =
			' — check the Client ID and Client Secret of the credential (Orange Developer → My apps)';
	} else if (statusCode === 429) {
		advice = ' — Orange allows 50 token requests a minute; try again in a minute';
	}
	return new OrangeTokenError(
		`Orange refused the token request (${orangeText})${advice}`,
		statusCode,
		requestId,
	);
}

/**
 * Client-credentials token request, used as both credentials' `preAuthentication`.
 * Orange limits token requests to 50 a minute: n8n stores the result in the credential's hidden
 * `accessToken` field, so this runs once per token lifetime, not per call.
 */
export async function fetchOrangeAccessToken(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<HeldToken> {
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
	const answer = await postTokenRequest(this, url, credentials, [clientId, clientSecret]);
	if ('networkCode' in answer) {
		throw new OrangeTokenError(
			`Could not reach Orange's token endpoint ${url} (${NETWORK_WORDS[answer.networkCode] ?? 'network error'}): check the Base URL of the credential`,
			undefined,
			undefined,
		);
	}
	const requestId = headerValue(answer.headers, REQUEST_ID_HEADER);
	const body = parseJsonObject(answer.body);
	if (answer.statusCode >= 200 && answer.statusCode < 300) {
		return tokenOf(credentials, answer.statusCode, body, requestId);
	}
	throw refusalOf(answer.statusCode, body, requestId);
}
