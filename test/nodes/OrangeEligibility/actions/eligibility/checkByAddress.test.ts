import { describe, expect, it } from 'vitest';

import { CHECK_PATH, lastPlace, runCheck } from '../../../../helpers/eligibility.ts';
import { ELIGIBILITY, useSandbox } from '../../../../helpers/sandbox.ts';

const t = useSandbox();
const sentPlaces = () =>
	t.sandbox.requests
		.filter((r) => r.path === CHECK_PATH)
		.map((r) => (r.body as { place: unknown }).place);
const check = (
	parameters: Record<string, unknown>,
	extra: { items?: Record<string, unknown>[]; continueOnFail?: boolean } = {},
) => runCheck(t, 'checkByAddress', parameters, extra);

const paris = { inseeCode: '75115', rivoliCode: '2156', streetNumber: '12' };

describe('eligibility checkByAddress', () => {
	it('sends the requester of the credential, the offers and the address, and simplifies the answer', async () => {
		const { items, error } = await check(paris);
		expect(error).toBeUndefined();
		expect(t.sandbox.requests.at(-1)!.body).toEqual({
			instantSyncQualification: true,
			provideUnavailabilityReason: true,
			relatedParty: [
				{
					role: 'requester',
					id: 'operateur.demo',
					siren: '552081317',
					contractNumber: 'OPT-2024-000123',
				},
			],
			productOfferingQualificationItem: [
				{ id: '1', productOffering: { id: 'FTTE_NRO', name: 'Optimum Access' } },
				{ id: '2', productOffering: { id: 'FTTE_PM', name: 'Optimum PM' } },
				{ id: '3', productOffering: { id: 'FTTE_active', name: 'Optimum Ethernet Entreprise' } },
				{ id: '4', productOffering: { id: 'FTTE_active', name: 'Optimum Ethernet LAN' } },
			],
			place: {
				'@type': 'GeographicAddress',
				inseeCode: '75115',
				rivoliCode: '2156',
				streetNr: '12',
			},
		});
		expect(items[0].json).toEqual({
			eligible: true,
			address: {
				inseeCode: '75115',
				rivoliCode: '2156',
				streetNumber: '12',
				streetName: 'RUE DE LA CONVENTION',
				postcode: '75015',
				city: 'PARIS',
				buildingCode: 'IMB/75115/X/00A1',
				label: '12 RUE DE LA CONVENTION 75015 PARIS',
			},
			buildings: [{ buildingCode: 'IMB/75115/X/00A1' }],
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
		expect(call.path).toBe('/eligibilite-operateur/v1/productOfferingQualification');
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
		expect(lastPlace(t)).toMatchObject({ streetNr: '8', streetNrSuffix: 'B' });
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
			details: { message: 'No Optimum Ethernet LAN here (notDeployed)' },
		});
		// Three buildings at this address.
		expect(items[0].json.buildings).toEqual([
			{ buildingCode: 'IMB/69123/S/01B7', name: 'Bâtiment A' },
			{ buildingCode: 'IMB/69123/S/01B8', name: 'Bâtiment B' },
			{ buildingCode: 'IMB/69123/S/01B9', name: 'Bâtiment C' },
		]);
		expect(items[0].json.address).toMatchObject({ buildingCode: 'IMB/69123/S/01B7' });
	});

	it('says not eligible when no offer is', async () => {
		const { items } = await check({ inseeCode: '13055', rivoliCode: '1001', streetNumber: '140' });
		expect(items[0].json.eligible).toBe(false);
		const offers = Object.values(items[0].json.offers as object);
		expect(offers.map((o) => [o.statusLabel, o.reason])).toEqual([
			['Inéligible', 'notDeployed'],
			['Inéligible', 'exlusionZone'],
			['Inéligible', 'temporaryGel'],
			['Inéligible', 'freezeBeforeClosing'],
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
			productOfferingQualificationItem: [
				{ id: '1', productOffering: { id: 'FTTE_NRO' } },
				{ id: '2', productOffering: { id: 'FTTE_active', name: 'Optimum Ethernet LAN' } },
			],
		});
		expect(lastPlace(t)).toMatchObject({ inseeCode: '2A004', rivoliCode: 'B012' });
		expect(Object.keys(items[0].json.offers as object)).toEqual([
			'optimumAccess',
			'optimumEthernetLan',
		]);
	});

	it('checks a building code instead of a street address', async () => {
		const { items } = await check({ locateBy: 'buildingCode', buildingCode: 'imb/31555/c/0107' });
		expect(lastPlace(t)).toEqual({
			'@type': 'GeographicSubAddress',
			buildingCodeOI: 'IMB/31555/C/0107',
		});
		expect(items[0].json.address).toMatchObject({ label: '7 PLACE DU CAPITOLE 31000 TOULOUSE' });
		// This place answers its active offers as one unnamed FTTE_active item: both get it.
		const offers = items[0].json.offers as Record<string, Record<string, unknown>>;
		expect(offers.optimumEthernetEntreprise).toEqual({
			status: 'ELIGIBLE_DEPLOYED',
			statusLabel: 'Eligible réseau déployé',
			blom: 'BLOM-31555-0107',
		});
		expect(offers.optimumEthernetLan).toEqual(offers.optimumEthernetEntreprise);
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
			status: 'underStudy',
			statusLabel: 'underStudy',
		});
		expect(items[0].json.eligible).toBe(true);
	});

	it('returns the raw answer when Simplify is off', async () => {
		const { items } = await check({ ...paris, simplify: false, offers: ['optimumAccess'] });
		expect(items[0].json).toEqual({
			id: expect.stringMatching(/^poq-/),
			state: 'done',
			geographicSite: expect.objectContaining({
				place: expect.objectContaining({ inseeCode: '75115', streetNr: '12' }),
			}),
			productOfferingQualificationItem: [
				{
					id: '1',
					productOffering: { id: 'FTTE_NRO', name: 'Optimum Access' },
					qualificationItemResult: 'eligible',
					characteristic: [
						{ name: 'codeNRO', value: 'NRO-75115-2156' },
						{ name: 'codePM', value: 'PM-75115-2156-01' },
					],
				},
			],
		});
	});

	it("reports Orange's 404 for an unknown address", async () => {
		const { error } = await check({ ...paris, streetNumber: '9999' });
		// Orange's words first; no hint about the path: the answer is about the address.
		expect(error?.message).toBe(
			'Orange Eligibility: Address not found in the Orange address repository',
		);
		expect(error?.description).toContain('Resource not found (Orange code 60).');
	});

	it('reports a requester Orange does not know', async () => {
		t.credentials.store.set(ELIGIBILITY, {
			...t.credentials.store.get(ELIGIBILITY),
			contractNumber: 'OPT-0000',
		});
		const { error } = await check(paris);
		expect(error?.message).toBe(
			'Orange Eligibility: The requester is not subscribed to the Eligibilité Opérateur service.',
		);
		expect(error?.description).toContain('Access denied (Orange code 50).');
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
			const onWire = {
				'@type': 'GeographicAddress',
				inseeCode: '75115',
				rivoliCode: '2156',
				streetNr: '12',
			};
			expect(sentPlaces()).toEqual([
				{ ...onWire, streetNrSuffix: 'B' },
				{ ...onWire, inseeCode: '2A004', rivoliCode: '0100', streetNr: '3' },
			]);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);

			t.sandbox.requests.length = 0;
			const byBuilding = await check(
				{ ...auto, locateBy: 'buildingCode' },
				{ items: [{ buildingCode: 'IMB/31555/C/0107' }] },
			);
			expect(byBuilding.error).toBeUndefined();
			expect(sentPlaces()[0]).toMatchObject({ buildingCodeOI: 'IMB/31555/C/0107' });
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
			expect(sentPlaces()).toHaveLength(1);
		});

		it('ignores the fields set below', async () => {
			await check(
				{ ...auto, inseeCode: '99999', rivoliCode: 'XXXX', streetNumber: '1' },
				{ items: [paris] },
			);
			expect(sentPlaces()[0]).toMatchObject({
				inseeCode: '75115',
				rivoliCode: '2156',
				streetNr: '12',
			});
		});
	});
});

describe("the credential's Eligibility API Path", () => {
	const useCredential = (fields: Record<string, string>) =>
		t.credentials.store.set(ELIGIBILITY, { ...t.credentials.store.get(ELIGIBILITY), ...fields });

	it('sends checks to the path the credential names, and says what to check when it is wrong', async () => {
		useCredential({ eligibilityPath: 'eligibilite-operateur/v2/qualification' });
		const { error } = await check(paris);
		expect(t.sandbox.requests.at(-1)!.path).toBe('/eligibilite-operateur/v2/qualification');
		expect(error?.message).toBe(
			'Orange Eligibility: No resource at POST /eligibilite-operateur/v2/qualification — the path or the request format differs from what your API answers: check the credential\'s "Eligibility API Path" against the API reference Orange gave you (documentation: "The eligibility wire")',
		);
		expect(error?.description).toContain('Request: POST /eligibilite-operateur/v2/qualification');
	});

	it('uses the default path when the field is empty (a credential saved before it existed)', async () => {
		useCredential({ eligibilityPath: '' });
		expect((await check(paris)).error).toBeUndefined();
		expect(t.sandbox.requests.at(-1)!.path).toBe(CHECK_PATH);
	});

	it.each([
		'/eligibilite-operateur/../oauth/v3/token',
		'/a path/with spaces',
		'https://elsewhere.example/x',
	])('refuses the path %j, naming the field, and sends nothing', async (eligibilityPath) => {
		useCredential({ eligibilityPath });
		const { error } = await check(paris);
		expect(error?.message).toBe(
			`Invalid Eligibility API Path in the Orange Eligibility API credential: "${eligibilityPath}" is not a URL path (such as ${CHECK_PATH})`,
		);
		expect(t.sandbox.requests).toHaveLength(0);
	});

	it('tells a request the endpoint does not understand (Orange code 24) from a refused requester', async () => {
		t.sandbox.addFault({
			kind: 'status',
			status: 400,
			path: CHECK_PATH,
			body: { code: 24, message: 'Invalid body field', description: 'place.@type unknown' },
		});
		const { error } = await check(paris);
		expect(error?.message).toBe(
			'Orange Eligibility: place.@type unknown — the path or the request format differs from what your API answers: check the credential\'s "Eligibility API Path" against the API reference Orange gave you (documentation: "The eligibility wire")',
		);
		expect(error?.description).toContain('Invalid body field (Orange code 24).');
	});
});
