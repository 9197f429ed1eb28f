/**
 * Version 2's output: one flat record per check, in n8n's engine against the sandbox.
 */
import { describe, expect, it } from 'vitest';

import { runCheck } from '../../../helpers/eligibility.ts';
import { useSandbox } from '../../../helpers/sandbox.ts';

const t = useSandbox();
const check = (
	operation: string,
	parameters: Record<string, unknown>,
	extra: { items?: Record<string, unknown>[]; continueOnFail?: boolean } = {},
) => runCheck(t, operation, parameters, { ...extra, typeVersion: 2 });
const record = async (operation: string, parameters: Record<string, unknown>) => {
	const { items, error } = await check(operation, parameters);
	expect(error).toBeUndefined();
	return items[0].json;
};

describe('eligibility version 2: flat records', () => {
	it('gives what a CRM maps at the top level: the line checked, the address, each offer, NRO/PM/BLOM', async () => {
		expect(await record('checkByNd', { nd: '+33 4 72 00 00 02' })).toEqual({
			found: true,
			eligible: true,
			nd: '0472000002',
			ndStatus: 'active',
			addressLabel: '8 BIS QUAI DE LA PECHERIE 69001 LYON',
			streetNumber: '8',
			streetNumberComplement: 'B',
			streetName: 'QUAI DE LA PECHERIE',
			postcode: '69001',
			city: 'LYON',
			inseeCode: '69123',
			rivoliCode: '0345',
			buildingCode: 'IMB/69123/S/01B7',
			optimumAccessStatus: 'ELIGIBLE_DEPLOYED',
			optimumAccessStatusLabel: 'Eligible, network deployed',
			optimumAccessReason: null,
			optimumPmStatus: 'ELIGIBLE_PARTIALLY_DEPLOYED',
			optimumPmStatusLabel: 'Eligible, network partially deployed',
			optimumPmReason: 'PartiallydeployedExtention',
			optimumEthernetEntrepriseStatus: 'ELIGIBLE_DEPLOYED',
			optimumEthernetEntrepriseStatusLabel: 'Eligible, network deployed',
			optimumEthernetEntrepriseReason: null,
			optimumEthernetLanStatus: 'NOT_ELIGIBLE',
			optimumEthernetLanStatusLabel: 'Not eligible',
			optimumEthernetLanReason: 'notDeployed',
			optimumEthernetLanDetails: { message: 'No Optimum Ethernet LAN here (notDeployed)' },
			nroCode: 'NRO-69123-0345',
			pmCode: 'PM-69123-0345-01',
			blom: 'BLOM-69123-0345',
			buildings: [
				{ buildingCode: 'IMB/69123/S/01B7', name: 'Bâtiment A' },
				{ buildingCode: 'IMB/69123/S/01B8', name: 'Bâtiment B' },
				{ buildingCode: 'IMB/69123/S/01B9', name: 'Bâtiment C' },
			],
			message: null,
		});
	});

	it('has the same keys for every check of one configuration, whatever Orange answered', async () => {
		const keys = [];
		for (const nd of ['0142000001', '0472000002', '0491000004', '0320000006', '0100000009'])
			keys.push(
				Object.keys(await record('checkByNd', { nd })).filter((k) => !k.endsWith('Details')),
			);
		for (const other of keys.slice(1)) expect(other).toEqual(keys[0]);
	});

	it('echoes what was checked, as sent: the text address, the point, the codes given', async () => {
		const text = await record('checkByTextAddress', {
			address: '12 bis rue de Vaugirard,\n75015 Paris',
		});
		expect(text).toMatchObject({
			address: '12 bis rue de Vaugirard, 75015 Paris',
			addressLabel: '12 BIS RUE DE VAUGIRARD 75015 PARIS',
			inseeCode: '75115',
			rivoliCode: '9716',
		});
		const point = await record('checkByCoordinates', { latitude: '43,6045', longitude: 1.444 });
		expect(point).toMatchObject({ latitude: 43.6045, longitude: 1.444, city: 'TOULOUSE' });
		// The building asked for, not the address's first building, is the one the record names.
		const building = await record('checkByAddress', {
			locateBy: 'buildingCode',
			buildingCode: 'imb/69123/s/01b8',
		});
		expect(building).toMatchObject({ buildingCode: 'IMB/69123/S/01B8', city: 'LYON' });
		const street = await record('checkByAddress', {
			inseeCode: '69123',
			rivoliCode: '0345',
			streetNumber: '8 bis',
		});
		expect(street).toMatchObject({ streetNumber: '8', streetNumberComplement: 'B' });
	});

	it("gives Orange's French labels with Status Labels French, the same status codes either way", async () => {
		const english = await record('checkByNd', { nd: '0556000005' });
		const french = await record('checkByNd', {
			nd: '0556000005',
			options: { statusLanguage: 'french' },
		});
		expect(english.optimumPmStatusLabel).toBe('Eligible, network partially deployed');
		expect(french.optimumPmStatusLabel).toBe('Eligible réseau partiellement déployé');
		expect(french.optimumEthernetLanStatusLabel).toBe('Inéligible');
		for (const key of Object.keys(english).filter((k) => k.endsWith('Status')))
			expect(french[key], key).toBe(english[key]);
	});

	it('passes a status word it does not know through, as status and label', async () => {
		const lille = await record('checkByNd', { nd: '0320000006' });
		expect(lille).toMatchObject({
			optimumAccessStatus: 'underStudy',
			optimumAccessStatusLabel: 'underStudy',
			optimumPmStatus: 'ELIGIBLE_DEPLOYED',
		});
	});

	it('has fields for the offers asked only; NRO/PM from Optimum PM when Access is not asked', async () => {
		const paris = await record('checkByNd', { nd: '0142000001', offers: ['optimumPm'] });
		expect(Object.keys(paris).filter((k) => k.startsWith('optimum'))).toEqual([
			'optimumPmStatus',
			'optimumPmStatusLabel',
			'optimumPmReason',
		]);
		expect(paris).toMatchObject({
			nroCode: 'NRO-75115-2156',
			pmCode: 'PM-75115-2156-02',
			blom: null,
		});
	});

	it('reads active offers answered as one unnamed item (Toulouse) into both active offers', async () => {
		const toulouse = await record('checkByCoordinates', { latitude: 43.6045, longitude: 1.444 });
		expect(toulouse).toMatchObject({
			optimumEthernetEntrepriseStatus: 'ELIGIBLE_DEPLOYED',
			optimumEthernetLanStatus: 'ELIGIBLE_DEPLOYED',
			blom: 'BLOM-31555-0107',
		});
	});

	it("gives Orange's answer as it came with Simplify off", async () => {
		const raw = await record('checkByNd', { nd: '0142000001', simplify: false });
		expect(raw).toHaveProperty('productOfferingQualificationItem');
		expect(raw).not.toHaveProperty('found');
	});
});
