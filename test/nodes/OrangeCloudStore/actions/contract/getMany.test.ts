import { describe, expect, it } from 'vitest';

import { runNode } from '../../../../helpers/engine.ts';
import { cloudCredentials, useSandbox } from '../../../../helpers/sandbox.ts';

const t = useSandbox({ maxPageSize: 3 });

const getMany = (parameters: Record<string, unknown>) =>
	runNode(
		{
			type: 'orangeCloudStore',
			parameters: { resource: 'contract', operation: 'getMany', ...parameters },
			credentials: cloudCredentials,
		},
		t.credentials,
	);

describe('contract getMany', () => {
	it('lists every contract with Return All, across pages the API caps at 3', async () => {
		const { items, error } = await getMany({ returnAll: true });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(t.sandbox.contracts.map((c) => c.id));
		expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(t.sandbox.apiRequests().map((r) => r.url)).toEqual([
			'/cloud/b2b/v1/contracts?limit=100&offset=0',
			'/cloud/b2b/v1/contracts?limit=100&offset=3',
		]);
		const call = t.sandbox.apiRequests()[0];
		expect(call.headers['x-api-key']).toBe('sandbox-api-key');
		expect(call.headers.accept).toBe('application/json');
		expect(call.headers.authorization).toMatch(/^Bearer \S+$/);
		expect(call.headers['x-eccs-contract-id']).toBeUndefined();
		expect(t.sandbox.tokenRequests).toBe(1);
	});

	it('stops at the limit', async () => {
		const { items } = await getMany({ returnAll: false, limit: 2 });
		expect(items.map((i) => i.json.id)).toEqual(['OCB0001234', 'OCB0001235']);
		expect(t.sandbox.apiRequests()).toHaveLength(1);
	});

	it('sees only what the API key sees', async () => {
		t.credentials.store.set('cloud-credential', {
			...t.credentials.store.get('cloud-credential'),
			apiKey: 'sandbox-api-key-limited',
		});
		const { items } = await getMany({ returnAll: true });
		expect(items.map((i) => i.json.id)).toEqual(['OCB0001234']);
	});

	it("reports Orange's refusal of a wrong API key", async () => {
		t.credentials.store.set('cloud-credential', {
			...t.credentials.store.get('cloud-credential'),
			apiKey: 'wrong-key',
		});
		const { error } = await getMany({ returnAll: true });
		expect(error?.message).toBe('Orange Cloud Store: The X-API-Key is not valid for this API.');
		expect(error?.description).toContain('Access denied (Orange code 50).');
	});
});
