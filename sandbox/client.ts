/**
 * What a client of the sandbox needs: the data of the package's two credentials pointing at it,
 * its counters, and, for comparisons without n8n, a token fetched directly.
 */
import { SANDBOX_API_KEY, SANDBOX_CLIENT, SANDBOX_REQUESTER } from './data.ts';

/** Each credential type's fields for a sandbox at `url` (no token yet). */
export function sandboxCredentialData(url: string) {
	const client = { clientId: SANDBOX_CLIENT.clientId, clientSecret: SANDBOX_CLIENT.clientSecret };
	return {
		orangeCloudStoreApi: { ...client, apiKey: SANDBOX_API_KEY, baseUrl: url },
		orangeEligibilityApi: { ...client, ...SANDBOX_REQUESTER, baseUrl: url },
	};
}

/** An access token from the sandbox's token endpoint, as Orange's gateway issues it. */
export async function sandboxToken(url: string): Promise<string> {
	const response = await fetch(`${url}/oauth/v3/token`, {
		method: 'POST',
		headers: {
			Authorization: `Basic ${Buffer.from(`${SANDBOX_CLIENT.clientId}:${SANDBOX_CLIENT.clientSecret}`).toString('base64')}`,
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		body: 'grant_type=client_credentials',
	});
	return ((await response.json()) as { access_token: string }).access_token;
}

/** The sandbox's counters (`GET /__sandbox/stats`): what it was asked since it started or was reset. */
export async function sandboxStats(url: string): Promise<{
	tokenRequests: number;
	requests: number;
	createdContracts: number;
	addedUsers: number;
	/** Eligibility checks answered (a request refused, e.g. with 401, is not one). */
	eligibilityChecks: number;
}> {
	return (await (await fetch(`${url}/__sandbox/stats`)).json()) as Awaited<
		ReturnType<typeof sandboxStats>
	>;
}
