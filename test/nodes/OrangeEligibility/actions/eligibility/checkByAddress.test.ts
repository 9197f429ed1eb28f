import { describe, expect, it } from 'vitest';

import { runNode } from '../../../../helpers/engine.ts';
import { ELIGIBILITY, useSandbox } from '../../../../helpers/sandbox.ts';

const t = useSandbox();
const credentials = { orangeEligibilityApi: ELIGIBILITY };
/** The eligibility checks the sandbox received (token requests left out). */
const sentChecks = () => t.sandbox.requests.filter((r) => r.path.endsWith('/eligibility'));

const check = (
	parameters: Record<string, unknown>,
	extra: { items?: Record<string, unknown>[]; continueOnFail?: boolean } = {},
) =>
	runNode(
		{
			type: 'orangeEligibility',
			parameters: { resource: 'eligibility', operation: 'checkByAddress', ...parameters },
			credentials,
			...extra,
		},
		t.credentials,
	);

const paris = { inseeCode: '75115', rivoliCode: '2156', streetNumber: '12' };

describe('eligibility checkByAddress', () => {
	it('sends the requester of the credential, the offers and the address, and simplifies the answer', async () => {
		const { items, error } = await check(paris);
		expect(error).toBeUndefined();
		expect(t.sandbox.requests.at(-1)!.body).toEqual({
			requester: { login: 'operateur.demo', siren: '552081317', contractNumber: 'OPT-2024-000123' },
			offers: [
				'OPTIMUM_ACCESS',
				'OPTIMUM_PM',
				'OPTIMUM_ETHERNET_ENTREPRISE',
				'OPTIMUM_ETHERNET_LAN',
			],
			address: { inseeCode: '75115', rivoliCode: '2156', streetNumber: '12' },
		});
		expect(items[0].json).toEqual({
			eligible: true,
			address: {
				inseeCode: '75115',
				rivoliCode: '2156',
				streetNumber: '12',
				buildingCode: 'IMB/75115/X/00A1',
				label: '12 RUE DE LA CONVENTION 75015 PARIS',
			},
			offers: {
				optimumAccess: {
					status: 'ELIGIBLE_DEPLOYED',
					statusLabel: 'Eligible réseau déployé',
					nroCode: 'NRO-75115-2156',
					pmCode: 'PM-75115-2156-01',
				},
				optimumPm: {
					status: 'ELIGIBLE_DEPLOYED',
					statusLabel: 'Eligible réseau déployé',
					nroCode: 'NRO-75115-2156',
					pmCode: 'PM-75115-2156-02',
				},
				optimumEthernetEntreprise: {
					status: 'ELIGIBLE_DEPLOYED',
					statusLabel: 'Eligible réseau déployé',
					blom: 'BLOM-75115-2156',
				},
				optimumEthernetLan: {
					status: 'ELIGIBLE_DEPLOYED',
					statusLabel: 'Eligible réseau déployé',
					blom: 'BLOM-75115-2156',
				},
			},
		});
		const call = t.sandbox.requests.at(-1)!;
		expect(call.path).toBe('/eligibilite-operateur/v1/eligibility');
		expect(call.headers.authorization).toMatch(/^Bearer /);
		expect(call.headers['x-api-key']).toBeUndefined();
	});

	it('reads a mixed answer: partial deployment, not eligible with its reason', async () => {
		const { items } = await check({
			inseeCode: '69123',
			rivoliCode: '0345',
			streetNumber: '8',
			streetNumberComplement: 'bis',
		});
		expect(t.sandbox.requests.at(-1)!.body).toMatchObject({
			address: { streetNumber: '8', streetNumberComplement: 'B' },
		});
		const offers = items[0].json.offers as Record<string, Record<string, unknown>>;
		expect(items[0].json.eligible).toBe(true);
		expect(offers.optimumPm).toMatchObject({
			status: 'ELIGIBLE_PARTIALLY_DEPLOYED',
			statusLabel: 'Eligible réseau partiellement déployé',
			reason: 'PartiallydeployedExtention',
		});
		expect(offers.optimumEthernetLan).toEqual({
			status: 'NOT_ELIGIBLE',
			statusLabel: 'Inéligible',
			reason: 'notDeployed',
		});
	});

	it('says not eligible when no offer is', async () => {
		const { items } = await check({ inseeCode: '13055', rivoliCode: '1001', streetNumber: '140' });
		expect(items[0].json.eligible).toBe(false);
		expect(Object.values(items[0].json.offers as object).map((o) => o.statusLabel)).toEqual([
			'Inéligible',
			'Inéligible',
			'Inéligible',
			'Inéligible',
		]);
	});

	it('checks Corsica (2A) and only the offers asked', async () => {
		const { items } = await check({
			inseeCode: '2a004',
			rivoliCode: 'b012',
			streetNumber: '3',
			offers: ['optimumAccess', 'optimumEthernetLan'],
		});
		expect(t.sandbox.requests.at(-1)!.body).toMatchObject({
			offers: ['OPTIMUM_ACCESS', 'OPTIMUM_ETHERNET_LAN'],
			address: { inseeCode: '2A004', rivoliCode: 'B012' },
		});
		expect(Object.keys(items[0].json.offers as object)).toEqual([
			'optimumAccess',
			'optimumEthernetLan',
		]);
	});

	it('checks a building code instead of a street address', async () => {
		const { items } = await check({ locateBy: 'buildingCode', buildingCode: 'imb/31555/c/0107' });
		expect(t.sandbox.requests.at(-1)!.body).toMatchObject({
			address: { buildingCode: 'IMB/31555/C/0107' },
		});
		expect(items[0].json.address).toMatchObject({ label: '7 PLACE DU CAPITOLE 31000 TOULOUSE' });
	});

	it('understands French labels and camelCase statuses', async () => {
		const { items } = await check({
			inseeCode: '33063',
			rivoliCode: '0420',
			streetNumber: '5',
			streetNumberComplement: 'T',
		});
		const offers = items[0].json.offers as Record<string, Record<string, unknown>>;
		expect(Object.values(offers).map((o) => o.status)).toEqual([
			'ELIGIBLE_DEPLOYED',
			'ELIGIBLE_PARTIALLY_DEPLOYED',
			'ELIGIBLE_DEPLOYED',
			'NOT_ELIGIBLE',
		]);
	});

	it('passes an unknown status through untouched', async () => {
		const { items, error } = await check({
			inseeCode: '59350',
			rivoliCode: '0777',
			streetNumber: '21',
		});
		expect(error).toBeUndefined();
		const offers = items[0].json.offers as Record<string, Record<string, unknown>>;
		expect(offers.optimumAccess).toMatchObject({
			status: 'UNDER_STUDY',
			statusLabel: 'UNDER_STUDY',
		});
		expect(items[0].json.eligible).toBe(true);
	});

	it('returns the raw answer when Simplify is off', async () => {
		const { items } = await check({ ...paris, simplify: false, offers: ['optimumAccess'] });
		expect(items[0].json).toEqual({
			address: expect.objectContaining({ inseeCode: '75115' }),
			results: [
				{
					offer: 'OPTIMUM_ACCESS',
					status: 'ELIGIBLE_DEPLOYED',
					nroCode: 'NRO-75115-2156',
					pmCode: 'PM-75115-2156-01',
				},
			],
		});
	});

	it("reports Orange's 404 for an unknown address", async () => {
		const { error } = await check({ ...paris, streetNumber: '9999' });
		expect(error?.message).toBe('Orange Eligibility: Resource not found');
		expect(error?.description).toContain('Address not found in the Orange address repository');
	});

	it('reports a requester Orange does not know', async () => {
		t.credentials.store.set(ELIGIBILITY, {
			...t.credentials.store.get(ELIGIBILITY),
			contractNumber: 'OPT-0000',
		});
		const { error } = await check(paris);
		expect(error?.message).toBe('Orange Eligibility: Access denied');
		expect(error?.description).toContain('not subscribed');
	});

	it('refuses a SIREN whose check digit is wrong, naming the credential field, and sends nothing', async () => {
		t.credentials.store.set(ELIGIBILITY, {
			...t.credentials.store.get(ELIGIBILITY),
			siren: '552081318',
		});
		const { error } = await check(paris);
		expect(error?.message).toBe(
			'Invalid SIREN in the Orange Eligibility API credential: "552081318" is not a SIREN (9 digits with a valid check digit)',
		);
		expect(t.sandbox.requests).toHaveLength(0);
	});

	describe('Mapping Mode "Map Automatically"', () => {
		const auto = { mappingMode: 'autoMapInputData' };

		it("reads each item's own fields, complement and building code included", async () => {
			const { items, error } = await check(auto, {
				items: [
					{ ...paris, streetNumberComplement: 'bis', crmId: 'L-1' },
					{ inseeCode: '2A004', rivoliCode: '0100', streetNumber: 3 },
				],
			});
			expect(error).toBeUndefined();
			expect(sentChecks().map((r) => (r.body as { address: unknown }).address)).toEqual([
				{ ...paris, streetNumberComplement: 'B' },
				{ inseeCode: '2A004', rivoliCode: '0100', streetNumber: '3' },
			]);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);

			t.sandbox.requests.length = 0;
			const byBuilding = await check(
				{ ...auto, locateBy: 'buildingCode' },
				{ items: [{ buildingCode: 'IMB/31555/C/0107' }] },
			);
			expect(byBuilding.error).toBeUndefined();
			expect(sentChecks()[0].body).toMatchObject({
				address: { buildingCode: 'IMB/31555/C/0107' },
			});
		});

		it('names the item and the missing field, and sends nothing for that item', async () => {
			const { items, error } = await check(auto, {
				items: [paris, { inseeCode: '75115', streetNumber: '12' }],
				continueOnFail: true,
			});
			expect(error).toBeUndefined();
			expect(items[1].json.error).toBe(
				'Invalid Rivoli Code in item 1: the input item has no field "rivoliCode"',
			);
			expect(items[1].json.description).toContain('Edit Fields');
			expect(sentChecks()).toHaveLength(1);
		});

		it('ignores the fields set below', async () => {
			await check(
				{ ...auto, inseeCode: '99999', rivoliCode: 'XXXX', streetNumber: '1' },
				{ items: [paris] },
			);
			expect((sentChecks()[0].body as { address: unknown }).address).toEqual(paris);
		});
	});
});
