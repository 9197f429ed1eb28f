/**
 * "Not found" is an outcome in version 2, a failure in version 1 and with Fail If Not Found; a
 * path Orange does not know stays a failure with its hint.
 */
import { describe, expect, it } from 'vitest';

import { CHECK_PATH, runCheck, sentChecks } from '../../../helpers/eligibility.ts';
import { ELIGIBILITY, useSandbox } from '../../../helpers/sandbox.ts';

const t = useSandbox();
const lines = [{ line: '0142000001' }, { line: '0100000001' }, { line: '0472000002' }];
const checkLines = (typeVersion: number, options: Record<string, unknown> = {}) =>
	runCheck(t, 'checkByNd', { nd: '={{ $json.line }}', options }, { items: lines, typeVersion });

describe('an address or line Orange does not know', () => {
	it("is an output item in version 2: found false, Orange's words, the others go on", async () => {
		const { items, error } = await checkLines(2);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.found)).toEqual([true, false, true]);
		expect(items[1].json).toMatchObject({
			found: false,
			eligible: false,
			nd: '0100000001',
			addressLabel: null,
			optimumAccessStatus: null,
			message: 'ND 0100000001 not found, or not active',
		});
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2].map((item) => ({ item })));
		expect(sentChecks(t)).toHaveLength(3);
	});

	it("fails the item with Fail If Not Found, with Orange's words as the message", async () => {
		const { error } = await checkLines(2, { failIfNotFound: true });
		expect(error?.message).toBe('Orange Eligibility: ND 0100000001 not found, or not active');
	});

	it('fails the item in version 1, as it always did', async () => {
		const { error } = await checkLines(1);
		expect(error?.message).toBe('Orange Eligibility: ND 0100000001 not found, or not active');
	});

	it('is told from a path the gateway does not know, which fails with the hint to check the path', async () => {
		t.credentials.store.set(ELIGIBILITY, {
			...t.credentials.store.get(ELIGIBILITY),
			eligibilityPath: '/eligibilite-operateur/v9/nowhere',
		});
		const { error, items } = await checkLines(2);
		expect(items).toHaveLength(0);
		expect(error?.message).toMatch(
			/^Orange Eligibility: No resource at POST \/eligibilite-operateur\/v9\/nowhere — the path or the request format differs/,
		);
		expect(t.sandbox.requests.some((request) => request.path === CHECK_PATH)).toBe(false);
	});

	it('is also told from a gateway 404 in its own words ("the requested URI … does not exist")', async () => {
		t.sandbox.addFault({
			kind: 'status',
			status: 404,
			path: CHECK_PATH,
			body: {
				code: 60,
				message: 'Resource not found',
				description: 'The requested URI or the requested resource does not exist.',
			},
		});
		const { error } = await checkLines(2);
		expect(error?.message).toMatch(/requested URI .* — the path or the request format differs/);
	});
});
