import { describe, expect, it } from 'vitest';

import { runNode } from '../../../../helpers/engine.ts';
import { cloudCredentials, useSandbox } from '../../../../helpers/sandbox.ts';

const t = useSandbox({ totalCountHeader: true });

const getMany = (parameters: Record<string, unknown>) =>
	runNode(
		{
			type: 'orangeCloudStore',
			parameters: {
				resource: 'document',
				operation: 'getMany',
				contractId: { __rl: true, mode: 'id', value: 'OCB0001234' },
				...parameters,
			},
			credentials: cloudCredentials,
		},
		t.credentials,
	);

const seeded = (type?: string) =>
	t.sandbox.documents.filter(
		(d) => d.contractId === 'OCB0001234' && (!type || d.documentType === type),
	);

describe('document getMany', () => {
	it('returns every document of the contract with Return All, reading pages of 100', async () => {
		const { items, error } = await getMany({ returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(seeded().length);
		expect(new Set(items.map((i) => i.json.documentType))).toEqual(
			new Set([
				'bills',
				'invoices',
				'reports',
				'partialBills',
				'partialConsumptionRatedReports',
				'comsumptionRatedReports',
			]),
		);
		expect(items[0].json.contractId).toBe('OCB0001234');
		// 88 documents, the total announced by X-Total-Count: one page.
		expect(t.sandbox.apiRequests().map((r) => r.url)).toEqual([
			'/cloud/b2b/v1/documents?limit=100&offset=0',
		]);
		expect(t.sandbox.apiRequests()[0].headers['x-eccs-contract-id']).toBe('OCB0001234');
	});

	it("filters on the type with the API's own spelling", async () => {
		const { items } = await getMany({ documentType: 'comsumptionRatedReports', returnAll: true });
		expect(items).toHaveLength(seeded('comsumptionRatedReports').length);
		expect(t.sandbox.apiRequests()[0].url).toContain('documentType=comsumptionRatedReports');
	});

	it('sends no documentType for "All" (the API answers nothing for "all")', async () => {
		await getMany({ documentType: 'all', limit: 5 });
		expect(t.sandbox.apiRequests()[0].url).toBe('/cloud/b2b/v1/documents?limit=5&offset=0');
	});

	it('keeps the documents of the chosen months', async () => {
		const { items } = await getMany({
			documentType: 'invoices',
			returnAll: true,
			filters: { periodFrom: '202503', periodTo: '2025-05' },
		});
		expect(items.map((i) => String(i.json.period).slice(0, 6)).sort()).toEqual([
			'202503',
			'202504',
			'202505',
		]);
	});

	it('applies the limit after the period filter', async () => {
		const { items } = await getMany({
			returnAll: false,
			limit: 4,
			filters: { periodFrom: '202601' },
		});
		expect(items).toHaveLength(4);
		expect(items.every((i) => String(i.json.period) >= '202601')).toBe(true);
	});

	it.each([
		[
			{ filters: { periodFrom: '2025-13' } },
			'Invalid Period From in item 0: "2025-13" is not a month (expected YYYYMM, such as 202403 for March 2024)',
		],
		[
			{ filters: { periodFrom: '202506', periodTo: '202501' } },
			'Invalid Period From in item 0: 202506 is after Period To 202501 (expected a first month no later than the last)',
		],
		[
			{ documentType: '={{ "toto" }}' },
			'Invalid Document Type in item 0: "toto" is not one of all, bills, invoices, reports, partialBills, partialConsumptionRatedReports, comsumptionRatedReports',
		],
	])('refuses %j before any call', async (parameters, message) => {
		const { error } = await getMany(parameters);
		expect(error?.message).toBe(message);
		expect(t.sandbox.requests).toHaveLength(0);
	});
});
