/**
 * A node run reads its credential once and hands it to n8n-core already decrypted, instead of n8n
 * reading and decrypting it for every request — without losing what a per-request read gave: a
 * refreshed token stored with the credential, a token renewed by another execution taken up.
 */
import { describe, expect, it } from 'vitest';

import { sandboxToken } from '../../../sandbox/client.ts';
import { runNode } from '../../helpers/engine.ts';
import { CLOUD, cloudCredentials, useSandbox } from '../../helpers/sandbox.ts';

const t = useSandbox();

/** Counts the credential reads (n8n's server reads the database and decrypts for each). */
function countReads(onRead: (count: number) => Promise<void> | void = () => {}) {
	const reads = { count: 0 };
	const getDecrypted = t.credentials.getDecrypted.bind(t.credentials);
	t.credentials.getDecrypted = async (...args) => {
		const data = await getDecrypted(...args);
		await onRead(++reads.count);
		return data;
	};
	return reads;
}

const getContracts = (count: number) =>
	runNode(
		{
			type: 'orangeCloudStore',
			parameters: {
				resource: 'contract',
				operation: 'get',
				contractId: { __rl: true, mode: 'id', value: '={{ $json.contract }}' },
			},
			credentials: cloudCredentials,
			items: Array.from({ length: count }, () => ({ contract: 'OCB0001234' })),
		},
		t.credentials,
	);

describe('the credential of a node run', () => {
	it('is read once for 50 requests, and the token it fetched is stored with it', async () => {
		const reads = countReads();
		const { items, error } = await getContracts(50);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(50);
		expect(reads.count).toBe(1);
		expect(t.sandbox.tokenRequests).toBe(1);
		expect(t.credentials.store.get(CLOUD)!.accessToken).toBe(t.sandbox.issuedTokens[0]);
	});

	it('gets the token a mid-run refresh stored, and the next run uses it', async () => {
		t.sandbox.addFault({
			kind: 'expireToken',
			path: '/cloud/b2b/v1/contract',
			every: 10,
			times: 1,
		});
		const first = await getContracts(20);
		expect(first.error).toBeUndefined();
		expect(t.sandbox.tokenRequests).toBe(2);
		expect(t.credentials.store.get(CLOUD)!.accessToken).toBe(t.sandbox.issuedTokens[1]);
		const reads = countReads();
		const second = await getContracts(20);
		expect(second.error).toBeUndefined();
		expect(reads.count).toBe(1);
		expect(t.sandbox.tokenRequests).toBe(2);
	});

	it('takes up a token another execution stored meanwhile rather than asking Orange', async () => {
		await getContracts(1);
		t.sandbox.expireTokens();
		// Another execution (or queue-mode worker) renews the token once this run has read the
		// credential: this run's first call meets the 401 with the token it holds.
		const renewed = await sandboxToken(t.sandbox.url);
		countReads((count) => {
			if (count === 1) Object.assign(t.credentials.store.get(CLOUD)!, { accessToken: renewed });
		});
		const { items, error } = await getContracts(10);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(10);
		// The first token and the other execution's: this run asked for none.
		expect(t.sandbox.tokenRequests).toBe(2);
		// The one call that met the expired token, sent again with the stored one.
		expect(t.sandbox.apiRequests().filter((r) => r.status === 401)).toHaveLength(1);
	});
});
