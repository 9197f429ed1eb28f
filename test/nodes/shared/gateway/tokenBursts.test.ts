/**
 * One token request per burst of executions in one n8n process: callers asking while it is on its
 * way share it, and so do callers that read the credential before n8n stored its answer.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

import { sharedTokenRequest, type TokenFields } from '../../../../nodes/shared/gateway';

let clients = 0;

/** A credential of its own per test: the shared requests are kept per client id and secret. */
function credential(accessToken = '') {
	return {
		baseUrl: 'https://api.orange.com',
		clientId: `client-${++clients}`,
		clientSecret: 'secret',
		accessToken,
	};
}

/** A token endpoint that answers `token-1`, `token-2`… and counts the requests. */
function tokenEndpoint(answerAfterMs = 0) {
	const endpoint = {
		requests: 0,
		fetch: async (): Promise<TokenFields> => {
			const number = ++endpoint.requests;
			await new Promise((resolve) => setTimeout(resolve, answerAfterMs));
			return {
				accessToken: `token-${number}`,
				accessTokenIssuedFor: 'digest',
				accessTokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
			};
		},
	};
	return endpoint;
}

afterEach(() => vi.useRealTimers());

describe('sharedTokenRequest', () => {
	it('asks once for callers that ask while the request is on its way', async () => {
		const orange = tokenEndpoint(20);
		const holder = credential();
		const tokens = await Promise.all(
			Array.from({ length: 10 }, () => sharedTokenRequest({ ...holder }, orange.fetch)),
		);
		expect(orange.requests).toBe(1);
		expect(new Set(tokens.map((t) => t.accessToken))).toEqual(new Set(['token-1']));
	});

	it('gives a lone request’s token to a caller that read the credential before it was stored', async () => {
		const orange = tokenEndpoint();
		const holder = credential();
		const first = await sharedTokenRequest({ ...holder }, orange.fetch);
		// Asked after the first request ended, nobody having joined it: still holding no token.
		const late = await sharedTokenRequest({ ...holder }, orange.fetch);
		expect(late.accessToken).toBe(first.accessToken);
		expect(orange.requests).toBe(1);
	});

	it('asks anew for a caller whose token is the one shared (Orange refused it)', async () => {
		const orange = tokenEndpoint();
		const holder = credential();
		const first = await sharedTokenRequest({ ...holder }, orange.fetch);
		const renewed = await sharedTokenRequest({ ...holder, accessToken: first.accessToken }, orange.fetch);
		expect(renewed.accessToken).toBe('token-2');
		expect(orange.requests).toBe(2);
	});

	it('asks anew once the few seconds for late callers are over', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		const orange = tokenEndpoint();
		const holder = credential();
		await sharedTokenRequest({ ...holder }, orange.fetch);
		vi.setSystemTime(Date.now() + 6_000);
		expect((await sharedTokenRequest({ ...holder }, orange.fetch)).accessToken).toBe('token-2');
	});

	it('never gives a token to another client id or secret', async () => {
		const orange = tokenEndpoint();
		const holder = credential();
		await sharedTokenRequest({ ...holder }, orange.fetch);
		const other = await sharedTokenRequest(
			{ ...holder, clientSecret: 'another-secret' },
			orange.fetch,
		);
		expect(other.accessToken).toBe('token-2');
	});
});
