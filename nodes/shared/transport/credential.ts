/**
 * Where the credential meets the request: what a run reads of its credential, and the one place
 * an authenticated request is sent — through n8n's `httpRequestWithAuthentication`, so that the
 * credential's `preAuthentication` gets the token and its `authenticate` adds it.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IHttpRequestOptions,
} from 'n8n-workflow';

import type { OrangeApi } from '../gateway';
import { heldTokenIsUsable, normalizeBaseUrl } from '../gateway';
import { perRun } from '../perRun';
import type { OrangeContext, RawResponse } from './types';

/** What a node run needs to know of its credential. */
export interface CredentialFacts {
	baseUrl: string;
	/** Whether it holds a usable access token already (from an earlier execution). */
	holdsToken: boolean;
	/** The decrypted credential every request of the run hands to n8n: see `runCredential`. */
	credential: ICredentialsDecrypted;
}

/**
 * The credential as n8n-core's request helpers take it already decrypted
 * (`additionalCredentialOptions.credentialsDecrypted`, in n8n 2.x and 1.123 alike). Without it n8n's
 * server reads the credential from its database and decrypts it for every request: milliseconds of
 * serial work per item. The object is this run's own, read at the run's start (a changed secret is
 * taken at the next run): a token refresh assigns the new token to it (n8n-core) and stores it with
 * the credential (n8n's credentials helper), so the run's later requests send the new token.
 */
function runCredential(
	context: OrangeContext,
	credentialType: string,
	data: ICredentialDataDecryptedObject,
): ICredentialsDecrypted {
	const stored = context.getNode().credentials?.[credentialType];
	return { id: stored?.id ?? '', name: stored?.name ?? '', type: credentialType, data };
}

const factsPerRun = perRun(
	async (context: OrangeContext, credentialType: string): Promise<CredentialFacts> => {
		const credentials = await context.getCredentials(credentialType);
		return {
			baseUrl: normalizeBaseUrl(credentials.baseUrl),
			holdsToken: heldTokenIsUsable(credentials),
			credential: runCredential(context, credentialType, credentials),
		};
	},
);

const TOKEN_FIELDS = ['accessToken', 'accessTokenIssuedFor', 'accessTokenExpiresAt'] as const;

/**
 * Before asking Orange for a new token on a 401: the token stored with the credential, if another
 * execution (or another queue-mode worker) renewed it since this run read the credential and it
 * suits this run's client and secret. Taken into the run's credential; nothing is asked of Orange.
 */
export async function adoptStoredToken(context: OrangeContext, api: OrangeApi): Promise<void> {
	const held = (await credentialFactsFor(context, api)).credential.data!;
	const stored = await context.getCredentials(api.credentialType).catch(() => undefined);
	if (!stored?.accessToken || stored.accessToken === held.accessToken) return;
	const token = Object.fromEntries(TOKEN_FIELDS.map((field) => [field, stored[field]]));
	if (heldTokenIsUsable({ ...held, ...token })) Object.assign(held, token);
}

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
	const { credential } = await credentialFactsFor(context, api);
	return (await context.helpers.httpRequestWithAuthentication.call(
		context,
		api.credentialType,
		// An ordinary call has n8n return every answer, errors included: n8n 1.x would otherwise throw
		// away its headers and body (see `answerInError`) and refresh the token on each 401 by itself.
		// A refreshing call has n8n throw on the 401, so that n8n-core fetches a new token and resends.
		{ ...options, headers: { ...options.headers }, ignoreHttpStatusErrors: refreshOn.length === 0 },
		{ preAuthenticationRetryStatusCode: refreshOn, credentialsDecrypted: credential },
	)) as RawResponse;
}
