import { describe, expect, it } from 'vitest';

import { runNode } from '../../../../helpers/engine.ts';
import { cloudCredentials, useSandbox } from '../../../../helpers/sandbox.ts';

const t = useSandbox();

const get = (
	contractId: unknown,
	extra: { items?: Record<string, unknown>[]; continueOnFail?: boolean } = {},
) =>
	runNode(
		{
			type: 'orangeCloudStore',
			parameters: { resource: 'contract', operation: 'get', contractId },
			credentials: cloudCredentials,
			...extra,
		},
		t.credentials,
	);

describe('contract get', () => {
	it("returns the contract's details, scoped by X-ECCS-Contract-Id", async () => {
		const { items, error } = await get({
			__rl: true,
			mode: 'list',
			value: 'OCB0001235',
			cachedResultName: 'Cloud Avenue Recette',
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			id: 'OCB0001235',
			name: 'Cloud Avenue Recette',
			offer: { name: 'Cloud Avenue' },
		});
		const call = t.sandbox.apiRequests()[0];
		expect(call.path).toBe('/cloud/b2b/v1/contract');
		expect(call.headers['x-eccs-contract-id']).toBe('OCB0001235');
	});

	it("reports Orange's 404 and message for an unknown contract", async () => {
		const { error } = await get({ __rl: true, mode: 'id', value: 'OCB0000000' });
		// Orange's description says what happened; the code's title comes after it.
		expect(error?.message).toBe(
			'Orange Cloud Store: Contract OCB0000000 not found in your perimeter.',
		);
		expect(error?.description).toContain('Resource not found (Orange code 60).');
		// n8n's error view joins the lines into one paragraph: each must end as a sentence.
		expect(error?.description?.split('\n')).toEqual([
			'Resource not found (Orange code 60).',
			'Request: GET /cloud/b2b/v1/contract.',
			expect.stringMatching(/^Orange request ID, for Orange support: sbx-[0-9a-f]+\.$/),
		]);
		expect((error as { httpCode?: string }).httpCode).toBe('404');
	});

	it('refuses a contract reference that is not one, before any call', async () => {
		// Typed in the field, n8n's own check stops it; from an expression, the node's check does.
		const { error } = await get({ __rl: true, mode: 'id', value: '={{ "OCB 12/../x" }}' });
		expect(error?.message).toBe(
			'Invalid Contract in item 0: "OCB 12/../x" is not a Cloud Store contract reference (expected letters and digits, such as OCB0001234)',
		);
		expect(t.sandbox.requests).toHaveLength(0);
	});

	it('uses one token for 100 items', async () => {
		const ids = t.sandbox.contracts.map((c) => c.id);
		const items = Array.from({ length: 100 }, (_, i) => ({ contract: ids[i % ids.length] }));
		const result = await get({ __rl: true, mode: 'id', value: '={{ $json.contract }}' }, { items });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual(items.map((i) => i.contract));
		expect(result.items.map((i) => (i.pairedItem as { item: number }).item)).toEqual(
			items.map((_, i) => i),
		);
		expect(t.sandbox.apiRequests()).toHaveLength(100);
		expect(t.sandbox.tokenRequests).toBe(1);
	});

	it('refreshes an expired token once and goes on', async () => {
		const items = Array.from({ length: 10 }, () => ({ contract: 'OCB0001234' }));
		t.sandbox.addFault({ kind: 'expireToken', path: '/cloud/b2b/v1/contract', every: 4, times: 2 });
		const result = await get({ __rl: true, mode: 'id', value: '={{ $json.contract }}' }, { items });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(10);
		expect(t.sandbox.tokenRequests).toBe(3);
		// Per expiry: the call that met it, and the same call sent again to make n8n refresh.
		expect(t.sandbox.apiRequests().filter((r) => r.status === 401)).toHaveLength(4);
		expect(t.sandbox.apiRequests().filter((r) => r.status === 200)).toHaveLength(10);
	});

	it('waits out a 429 with Retry-After and succeeds', async () => {
		t.sandbox.addFault({
			kind: 'rateLimit',
			path: '/cloud/b2b/v1/contract',
			retryAfter: 1,
			times: 1,
		});
		const started = Date.now();
		const { items, error } = await get({ __rl: true, mode: 'id', value: 'OCB0001234' });
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe('OCB0001234');
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(t.sandbox.apiRequests().map((r) => r.status)).toEqual([429, 200]);
	});

	it('retries a 403 code 53 (rate limited) too', async () => {
		t.sandbox.addFault({
			kind: 'rateLimit',
			status: 403,
			path: '/cloud/b2b/v1/contract',
			retryAfter: 0,
			times: 2,
		});
		const { error } = await get({ __rl: true, mode: 'id', value: 'OCB0001234' });
		expect(error).toBeUndefined();
		expect(t.sandbox.apiRequests().map((r) => r.status)).toEqual([403, 403, 200]);
	});

	it('gives up on a lasting 503 with a bounded number of attempts', async () => {
		t.sandbox.addFault({
			kind: 'status',
			status: 503,
			retryAfter: 0,
			path: '/cloud/b2b/v1/contract',
			times: 100,
		});
		const { error } = await get({ __rl: true, mode: 'id', value: 'OCB0001234' });
		expect(error?.message).toBe('Orange Cloud Store: Injected fault 503');
		expect(error?.description).toContain('Internal error (Orange code 1).');
		expect(t.sandbox.apiRequests()).toHaveLength(6);
	});

	it('says in one line that a proxy answered with an HTML page', async () => {
		t.sandbox.addFault({ kind: 'html', path: '/cloud/b2b/v1/contract', times: 10 });
		const { error } = await get({ __rl: true, mode: 'id', value: 'OCB0001234' });
		expect(error?.message).toBe(
			'Orange Cloud Store answered HTTP 502 with an HTML page instead of JSON: a proxy or the gateway failed, not the API',
		);
		expect(error?.message).not.toContain('<');
	});

	it('asks again after a truncated JSON answer to a read', async () => {
		t.sandbox.addFault({ kind: 'truncate', path: '/cloud/b2b/v1/contract', times: 1 });
		const { items, error } = await get({ __rl: true, mode: 'id', value: 'OCB0001234' });
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe('OCB0001234');
	});

	it('turns failed items into error items with Continue On Fail, and goes on', async () => {
		const items = [
			{ contract: 'OCB0001234' },
			{ contract: 'bad id!' },
			{ contract: 'OCB0000000' },
			{ contract: 'OCB0001235' },
		];
		const result = await get(
			{ __rl: true, mode: 'id', value: '={{ $json.contract }}' },
			{ items, continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id ?? i.json.error)).toEqual([
			'OCB0001234',
			'Invalid Contract in item 1: "bad id!" is not a Cloud Store contract reference (expected letters and digits, such as OCB0001234)',
			'Orange Cloud Store: Contract OCB0000000 not found in your perimeter.',
			'OCB0001235',
		]);
		expect(result.items.map((i) => (i.pairedItem as { item: number }).item)).toEqual([0, 1, 2, 3]);
		expect(result.items[2].json.httpCode).toBe('404');
	});
});
