import { describe, expect, it } from 'vitest';

import { CHECK_PATH, lastPlace, runCheck } from '../../../../helpers/eligibility.ts';
import { useSandbox } from '../../../../helpers/sandbox.ts';

const t = useSandbox();
const check = (
	parameters: Record<string, unknown>,
	extra: { items?: Record<string, unknown>[]; continueOnFail?: boolean } = {},
) => runCheck(t, 'checkByNd', parameters, extra);
const sentPlaces = () =>
	t.sandbox.requests
		.filter((r) => r.path === CHECK_PATH)
		.map((r) => (r.body as { place: unknown }).place);

describe('eligibility checkByNd', () => {
	it.each([
		['01 42 00 00 01'],
		['01.42.00.00.01'],
		['+33 1 42 00 00 01'],
		['0033142000001'],
		['01-42-00-00-01'],
	])('normalises %j to the ND 0142000001, an active line by default', async (nd) => {
		const { items, error } = await check({ nd });
		expect(error).toBeUndefined();
		expect(lastPlace(t)).toEqual({ '@type': 'AccessLine', nd: '0142000001', ndStatus: 'active' });
		expect(items[0].json).toMatchObject({
			nd: '0142000001',
			eligible: true,
			address: { inseeCode: '75115' },
		});
	});

	it('gives NRO/PM for passive offers and the BLOM for active ones', async () => {
		const { items } = await check({ nd: '0472000002' });
		const offers = items[0].json.offers as Record<string, Record<string, unknown>>;
		expect(Object.keys(offers.optimumAccess).sort()).toEqual([
			'nroCode',
			'pmCode',
			'status',
			'statusLabel',
		]);
		expect(Object.keys(offers.optimumEthernetEntreprise).sort()).toEqual([
			'blom',
			'status',
			'statusLabel',
		]);
		expect(offers.optimumEthernetLan).toMatchObject({
			status: 'NOT_ELIGIBLE',
			statusLabel: 'Inéligible',
			reason: 'notDeployed',
		});
	});

	it('checks a line no longer in service with ND Status "inactive"', async () => {
		const asActive = await check({ nd: '0145000007' });
		expect(asActive.error?.message).toBe(
			'Orange Eligibility: ND 0145000007 not found, or not active',
		);
		const { items, error } = await check({ nd: '0145000007', ndStatus: 'inactive' });
		expect(error).toBeUndefined();
		expect(lastPlace(t)).toEqual({ '@type': 'AccessLine', nd: '0145000007', ndStatus: 'inactive' });
		expect(items[0].json).toMatchObject({
			nd: '0145000007',
			eligible: true,
			address: { label: '12 BIS RUE DE VAUGIRARD 75015 PARIS' },
			offers: {
				optimumEthernetEntreprise: { status: 'NOT_ELIGIBLE', reason: 'onlyMetropolitanAreaOffer' },
			},
		});
	});

	it("reports Orange's 404 for a line it does not know, with Orange's words", async () => {
		const { error } = await check({ nd: '0100012345' });
		expect(error?.message).toBe('Orange Eligibility: ND 0100012345 not found, or not active');
		expect(error?.description).toContain('Resource not found (Orange code 60).');
	});

	it('reads the ND and its status from each input item with Mapping Mode "Map Automatically"', async () => {
		const { items, error } = await check(
			{ mappingMode: 'autoMapInputData' },
			{
				items: [
					{ nd: '+33 1 42 00 00 01' },
					{ phone: '0142000001' },
					{ nd: '0145000007', ndStatus: 'INACTIVE' },
					{ nd: '0142000001', ndStatus: 'gone' },
				],
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(sentPlaces()).toEqual([
			{ '@type': 'AccessLine', nd: '0142000001', ndStatus: 'active' },
			{ '@type': 'AccessLine', nd: '0145000007', ndStatus: 'inactive' },
		]);
		expect(items[0].json.nd).toBe('0142000001');
		expect(items[1].json.error).toBe(
			'Invalid Line Number in item 1: the input item has no field "nd"',
		);
		expect(items[2].json.eligible).toBe(true);
		expect(items[3].json.error).toBe(
			'Invalid Line Status in item 3: "gone" is not one of active, inactive',
		);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
	});
});
