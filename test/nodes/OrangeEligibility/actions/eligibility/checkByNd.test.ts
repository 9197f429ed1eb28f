import { describe, expect, it } from 'vitest';

import { runNode } from '../../../../helpers/engine.ts';
import { ELIGIBILITY, useSandbox } from '../../../../helpers/sandbox.ts';

const t = useSandbox();
const credentials = { orangeEligibilityApi: ELIGIBILITY };
/** The eligibility checks the sandbox received (token requests left out). */
const sentChecks = () => t.sandbox.requests.filter((r) => r.path.endsWith('/eligibility'));

const check = (parameters: Record<string, unknown>) =>
	runNode(
		{
			type: 'orangeEligibility',
			parameters: { resource: 'eligibility', operation: 'checkByNd', ...parameters },
			credentials,
		},
		t.credentials,
	);

describe('eligibility checkByNd', () => {
	it.each([
		['01 42 00 00 01'],
		['01.42.00.00.01'],
		['+33 1 42 00 00 01'],
		['0033142000001'],
		['01-42-00-00-01'],
	])('normalises %j to the ND 0142000001', async (nd) => {
		const { items, error } = await check({ nd });
		expect(error).toBeUndefined();
		expect(t.sandbox.requests.at(-1)!.body).toMatchObject({ nd: '0142000001' });
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
		expect(offers.optimumEthernetLan).toEqual({
			status: 'NOT_ELIGIBLE',
			statusLabel: 'Inéligible',
			reason: 'notDeployed',
		});
	});

	it("reports Orange's 404 for a line it does not know", async () => {
		const { error } = await check({ nd: '0100012345' });
		expect(error?.message).toBe('Orange Eligibility: Resource not found');
		expect(error?.description).toContain('ND 0100012345 not found');
	});

	it('reads the ND from each input item with Mapping Mode "Map Automatically"', async () => {
		const { items, error } = await runNode(
			{
				type: 'orangeEligibility',
				parameters: {
					resource: 'eligibility',
					operation: 'checkByNd',
					mappingMode: 'autoMapInputData',
				},
				credentials: { orangeEligibilityApi: ELIGIBILITY },
				items: [{ nd: '+33 1 42 00 00 01' }, { phone: '0142000001' }],
				continueOnFail: true,
			},
			t.credentials,
		);
		expect(error).toBeUndefined();
		expect(sentChecks().map((r) => (r.body as { nd: string }).nd)).toEqual(['0142000001']);
		expect(items[0].json.nd).toBe('0142000001');
		expect(items[1].json.error).toBe('Invalid ND in item 1: the input item has no field "nd"');
	});
});
