import { describe, expect, it } from 'vitest';

import { runNode } from '../../../helpers/engine.ts';
import { addressRows, checkAddressRows } from '../../../helpers/fixtures.ts';
import { ELIGIBILITY, resetContext, useSandbox } from '../../../helpers/sandbox.ts';

const t = useSandbox({ latencyMs: 5 });
const credentials = { orangeEligibilityApi: ELIGIBILITY };

const checkRows = (count: number, concurrency?: number, continueOnFail = false) =>
	runNode(
		{
			...checkAddressRows(count, {
				offers: ['optimumAccess'],
				options: concurrency === undefined ? {} : { concurrency },
				continueOnFail,
			}),
			credentials,
		},
		t.credentials,
	);

const numbersOut = (items: { json: Record<string, unknown> }[]) =>
	items.map((i) => (i.json.address as Record<string, unknown>).streetNumber);

describe('eligibility over many items', () => {
	it('checks 1,000 addresses at the default parallelism: input order, pairedItem, one token', async () => {
		const rows = addressRows(1000);
		const { items, error } = await checkRows(1000);
		expect(error).toBeUndefined();
		expect(numbersOut(items)).toEqual(rows.map((r) => r.number));
		expect(items.map((i) => (i.pairedItem as { item: number }).item)).toEqual(
			rows.map((_, i) => i),
		);
		expect(t.sandbox.tokenRequests).toBe(1);
		expect(t.sandbox.eligibilityChecks).toBe(1000);
		expect(t.sandbox.eligibilityMaxInFlight).toBe(5);
	});

	it('never has more requests in flight than the option allows', async () => {
		// The first 12 answers are held back for a second: the node has time to send all it may,
		// however loaded the machine, and more than it may if it did not bound them.
		const holdBack = {
			kind: 'slow',
			delayMs: 1000,
			path: '/eligibilite-operateur',
			times: 12,
		} as const;
		t.sandbox.addFault(holdBack);
		await checkRows(60, 12);
		expect(t.sandbox.eligibilityMaxInFlight).toBe(12);
		resetContext(t);
		t.sandbox.addFault({ ...holdBack, times: 2 });
		await checkRows(20, 1);
		expect(t.sandbox.eligibilityMaxInFlight).toBe(1);
	});

	it('absorbs 429s with Retry-After mid-run: nothing fails, order kept', async () => {
		t.sandbox.addFault({
			kind: 'rateLimit',
			path: '/eligibilite-operateur',
			every: 7,
			times: 20,
			retryAfter: 0,
		});
		const rows = addressRows(200);
		const { items, error } = await checkRows(200, 8);
		expect(error).toBeUndefined();
		expect(numbersOut(items)).toEqual(rows.map((r) => r.number));
		expect(t.sandbox.requests.filter((r) => r.status === 429)).toHaveLength(20);
	});

	it('refreshes an expired token mid-run with one token request, in parallel too', async () => {
		const rows = addressRows(300);
		t.sandbox.addFault({
			kind: 'expireToken',
			path: '/eligibilite-operateur',
			every: 100,
			times: 2,
		});
		const { items, error } = await checkRows(300, 16);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(300);
		expect(numbersOut(items)).toEqual(rows.map((r) => r.number));
		// One token at the start, one per expiry: concurrent 401s share the refresh.
		expect(t.sandbox.tokenRequests).toBe(3);
	});

	it('asks for a refused token once, not once per item', async () => {
		t.credentials.store.set(ELIGIBILITY, {
			...t.credentials.store.get(ELIGIBILITY),
			clientSecret: 'wrong',
		});
		const { items } = await checkRows(50, 8, true);
		expect(items).toHaveLength(50);
		expect(
			items.every((i) => String(i.json.error).startsWith('Orange refused the token request')),
		).toBe(true);
		expect(t.sandbox.tokenRequests).toBe(1);
	});

	it('shares a token held from an earlier execution at once, and a stale one is refreshed once', async () => {
		await checkRows(1, 1);
		expect(t.sandbox.tokenRequests).toBe(1);
		// Second execution: the credential holds the token; all 16 start together (each answer held
		// back 1 s, so that a busy machine cannot finish the first before the last has started).
		t.sandbox.eligibilityMaxInFlight = 0;
		t.sandbox.addFault({ kind: 'slow', delayMs: 1000, path: '/eligibilite-operateur', times: 16 });
		await checkRows(16, 16);
		expect(t.sandbox.tokenRequests).toBe(1);
		expect(t.sandbox.eligibilityMaxInFlight).toBe(16);
		// Third: the held token has expired meanwhile; the 16 parallel 401s share one refresh.
		t.sandbox.expireTokens();
		const { items, error } = await checkRows(16, 16);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(16);
		expect(t.sandbox.tokenRequests).toBe(2);
	});
});
