/**
 * Where the credential meets the request: what a run reads of its credential, and the one place
 * an authenticated request is sent — through n8n's `httpRequestWithAuthentication`, so that the
 * credential's `preAuthentication` gets the token and its `authenticate` adds it.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import type { OrangeApi } from '../gateway';
import { heldTokenIsUsable, normalizeBaseUrl } from '../gateway';
import { perRun } from '../perRun';
import type { OrangeContext, RawResponse } from './types';

/** What a node run needs to know of its credential. */
export interface CredentialFacts {
	baseUrl: string;
	/** Whether it holds a usable access token already (from an earlier execution). */
	holdsToken: boolean;
}

const factsPerRun = perRun(
	async (context: OrangeContext, credentialType: string): Promise<CredentialFacts> => {
		const credentials = await context.getCredentials(credentialType);
		return {
			baseUrl: normalizeBaseUrl(credentials.baseUrl),
			holdsToken: heldTokenIsUsable(credentials),
		};
	},
);

/** The credential's facts, read once per run rather than once per call. */
export async function credentialFactsFor(
	context: OrangeContext,
	api: OrangeApi,
): Promise<CredentialFacts> {
	return await factsPerRun(context, api.credentialType);
}

/**
 * Sends one request with the API's credential. `refreshOn` lists the statuses on which n8n-core
 * runs the credential's preAuthentication again and resends once: empty for ordinary calls (the
 * transport's token sharing decides who refreshes), `[401]` for the call that refreshes.
 */
export async function sendWithCredential(
	context: OrangeContext,
	api: OrangeApi,
	options: IHttpRequestOptions,
	refreshOn: number[],
): Promise<RawResponse> {
	return (await context.helpers.httpRequestWithAuthentication.call(
		context,
		api.credentialType,
		// An ordinary call has n8n return every answer, errors included: n8n 1.x would otherwise throw
		// away its headers and body (see `answerInError`) and refresh the token on each 401 by itself.
		// A refreshing call has n8n throw on the 401, so that n8n-core fetches a new token and resends.
		{ ...options, headers: { ...options.headers }, ignoreHttpStatusErrors: refreshOn.length === 0 },
		{ preAuthenticationRetryStatusCode: refreshOn },
	)) as RawResponse;
}
