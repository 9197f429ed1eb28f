/**
 * One request to an Orange API, with its retries and the sharing of the token between the calls
 * of a run (`TokenSharing`). Answers the raw response, body as text or stream.
 */
import type { IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import type { OrangeApi } from '../gateway';
import { perRun } from '../perRun';
import { adoptStoredToken, credentialFactsFor, sendWithCredential } from './credential';
import { toNodeApiError } from './errors';
import type { Failure } from './failure';
import { failureOfAnswer, readFailure } from './failure';
import { retryDelay, withinRetryBudget } from './retry';
import { TokenSharing } from './tokenSharing';
import type { OrangeContext, OrangeRequest, RawResponse } from './types';
import { DEFAULT_TIMEOUT_MS, isIdempotent } from './types';

/** n8n-core's own refresh is switched off for ordinary calls: `TokenSharing` decides who refreshes. */
const NO_AUTOMATIC_REFRESH: number[] = [];

const tokenSharingFor = perRun(() => new TokenSharing<Failure>());

function httpOptions(
	baseUrl: string,
	api: OrangeApi,
	request: OrangeRequest,
	encoding: 'text' | 'stream',
): IHttpRequestOptions {
	const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
	if (request.body) headers['Content-Type'] = 'application/json';
	return {
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
}

type Outcome = { response: RawResponse } | { failure: Failure };

/**
 * One attempt: the answer, or what went wrong. A refused token request is recorded before the
 * attempt ends, so that calls waiting for it see the refusal. A run the user cancelled ends at once.
 */
async function attempt(
	context: OrangeContext,
	sharing: TokenSharing<Failure>,
	call: () => Promise<RawResponse>,
): Promise<Outcome> {
	try {
		const response = await call();
		const failure = await failureOfAnswer(response);
		return failure ? { failure } : { response };
	} catch (error) {
		const failure = await readFailure(error);
		if (failure.networkCode === 'ERR_CANCELED') {
			throw new NodeApiError(context.getNode(), error as JsonObject);
		}
		if (failure.tokenError && failure.tokenError.httpCode !== 429) sharing.refuse(failure);
		return { failure };
	}
}

function isRedirect(failure: Failure): boolean {
	return failure.status !== undefined && failure.status >= 300 && failure.status < 400;
}

const RESEND = Symbol('resend');

/**
 * After a first 401: the token refreshed (once for all the calls that share it) and the call sent
 * again with it — or `RESEND` when the call is to go round the loop again.
 */
async function refreshOnce(
	context: OrangeContext,
	api: OrangeApi,
	sharing: TokenSharing<Failure>,
	generation: number,
	call: (refreshOn: number[]) => () => Promise<RawResponse>,
	idempotent: boolean,
): Promise<Outcome | typeof RESEND> {
	const end = sharing.beginRefresh(generation);
	// Another call refreshed the token since this one was sent, or is refreshing it: resend.
	if (!end) return RESEND;
	// A token another execution stored meanwhile is taken first. Sent with a stale token, this
	// call gets the 401 again; n8n-core then runs the credential's preAuthentication once and
	// sends it a last time with the new token.
	const outcome = await adoptStoredToken(context, api)
		.then(() => attempt(context, sharing, call([401])))
		.finally(end);
	// n8n 1.x kept only the status of the resend: ask again with the new token for the whole
	// answer, when sending it again is harmless.
	const resent = 'failure' in outcome ? outcome.failure : undefined;
	if (resent?.incomplete && resent.status !== 401 && (idempotent || resent.status === 429))
		return RESEND;
	return outcome;
}

/** Sends one request with retries; answers the raw response (body as text or stream). */
export async function send(
	context: OrangeContext,
	api: OrangeApi,
	request: OrangeRequest,
	encoding: 'text' | 'stream',
): Promise<RawResponse> {
	const { baseUrl, holdsToken } = await credentialFactsFor(context, api);
	const options = httpOptions(baseUrl, api, request, encoding);
	const call = (refreshOn: number[]) => () => sendWithCredential(context, api, options, refreshOn);
	const idempotent = isIdempotent(request);
	const sharing = tokenSharingFor(context, api.credentialType);
	// A token from an earlier execution is shared at once; if it has expired, the 401s that
	// follow are coordinated like any expiry.
	if (holdsToken) sharing.markWarm();
	let refreshed = false;
	let waited = 0;
	for (let attemptIndex = 0; ; attemptIndex++) {
		const waiting = sharing.wait();
		if (waiting) await waiting;
		const generation = sharing.generation;
		if (sharing.refusal) throw toNodeApiError(context, api, request, sharing.refusal, idempotent);
		let outcome = await sharing.track(attempt(context, sharing, call(NO_AUTOMATIC_REFRESH)));
		if ('failure' in outcome && outcome.failure.status === 401 && !refreshed) {
			refreshed = true;
			const afterRefresh = await refreshOnce(context, api, sharing, generation, call, idempotent);
			if (afterRefresh === RESEND) continue;
			outcome = afterRefresh;
		}
		if ('response' in outcome) return outcome.response;
		const { failure } = outcome;
		if (isRedirect(failure)) {
			return { statusCode: failure.status as number, headers: failure.headers, body: undefined };
		}
		const delay = retryDelay(failure, attemptIndex, idempotent);
		if (!withinRetryBudget(delay, attemptIndex, waited)) {
			throw toNodeApiError(context, api, request, failure, idempotent);
		}
		waited += delay;
		await sleep(delay);
	}
}
