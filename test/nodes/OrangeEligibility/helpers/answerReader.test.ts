/**
 * The tolerant reader's table of shapes: answers that differ from the sandbox's on purpose, and
 * what each yields. The real API's answer will differ in details; each row is one such detail.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { simplifyAnswer } =
	require('../../../../dist/nodes/OrangeEligibility/helpers/answerReader.js') as typeof import('../../../../nodes/OrangeEligibility/helpers/answerReader');

const ALL = [
	'optimumAccess',
	'optimumPm',
	'optimumEthernetEntreprise',
	'optimumEthernetLan',
] as const;
const DEPLOYED = { status: 'ELIGIBLE_DEPLOYED', statusLabel: 'Eligible réseau déployé' };
const PARTIAL = {
	status: 'ELIGIBLE_PARTIALLY_DEPLOYED',
	statusLabel: 'Eligible réseau partiellement déployé',
};
const NOT = { status: 'NOT_ELIGIBLE', statusLabel: 'Inéligible' };
const NO_ANSWER = { status: null, statusLabel: 'No answer for this offer' };

const offering = (id: string, name?: string) => ({ id, ...(name ? { name } : {}) });
const chars = (pairs: Record<string, string>) =>
	Object.entries(pairs).map(([name, value]) => ({ name, value }));

/** An answer as SPEC §6 writes it (the sandbox's shape). */
const v2 = {
	id: 'poq-1',
	state: 'done',
	geographicSite: {
		place: {
			inseeCode: '75115',
			rivoliCode: '9716',
			streetNr: '12',
			streetNrSuffix: 'B',
			streetName: 'RUE DE VAUGIRARD',
			postcode: '75015',
			city: 'PARIS',
			label: '12 BIS RUE DE VAUGIRARD 75015 PARIS',
		},
		geographicSubAddress: [{ buildingCodeOI: 'IMB/75115/V/0012' }],
	},
	productOfferingQualificationItem: [
		{
			id: '1',
			productOffering: offering('FTTE_NRO', 'Optimum Access'),
			qualificationItemResult: 'eligible',
			characteristic: chars({ codeNRO: 'NRO-1', codePM: 'PM-1' }),
		},
		{
			id: '2',
			productOffering: offering('FTTE_PM', 'Optimum PM'),
			qualificationItemResult: 'eligible',
			qualificationItemReason: 'PartiallydeployedExtention',
			characteristic: chars({ codeNRO: 'NRO-1', codePM: 'PM-2' }),
		},
		{
			id: '3',
			productOffering: offering('FTTE_active', 'Optimum Ethernet Entreprise'),
			qualificationItemResult: 'notEligible',
			qualificationItemReason: 'onlyMetropolitanAreaOffer',
			characteristic: chars({ message: 'Offre réservée aux métropoles' }),
		},
		{
			id: '4',
			productOffering: offering('FTTE_active', 'Optimum Ethernet LAN'),
			qualificationItemResult: 'eligible',
			characteristic: chars({ BLOM: 'BLOM-1', delaiMiseEnService: '10' }),
		},
	],
};

const V2_ADDRESS = {
	inseeCode: '75115',
	rivoliCode: '9716',
	streetNumber: '12',
	streetNumberComplement: 'B',
	streetName: 'RUE DE VAUGIRARD',
	postcode: '75015',
	city: 'PARIS',
	label: '12 BIS RUE DE VAUGIRARD 75015 PARIS',
	buildingCode: 'IMB/75115/V/0012',
};

describe('the eligibility answer reader: a table of shapes', () => {
	it('SPEC §6 shape: status, reason, NRO/PM, BLOM and the other characteristics as details', () => {
		expect(simplifyAnswer(v2, [...ALL])).toEqual({
			eligible: true,
			address: V2_ADDRESS,
			buildings: [{ buildingCode: 'IMB/75115/V/0012' }],
			offers: {
				optimumAccess: { ...DEPLOYED, nroCode: 'NRO-1', pmCode: 'PM-1' },
				optimumPm: {
					...PARTIAL,
					reason: 'PartiallydeployedExtention',
					nroCode: 'NRO-1',
					pmCode: 'PM-2',
				},
				optimumEthernetEntreprise: {
					...NOT,
					reason: 'onlyMetropolitanAreaOffer',
					details: { message: 'Offre réservée aux métropoles' },
				},
				optimumEthernetLan: { ...DEPLOYED, blom: 'BLOM-1', details: { delaiMiseEnService: '10' } },
			},
		});
	});

	it('wire v1 shape (address, results, flat fields, v1 offer codes and status words)', () => {
		const answer = {
			address: {
				inseeCode: '69123',
				rivoliCode: '0345',
				streetNumber: '8',
				streetNumberComplement: 'B',
				buildingCode: 'IMB/69123/S/01B7',
				label: '8 BIS QUAI DE LA PECHERIE 69001 LYON',
			},
			results: [
				{ offer: 'OPTIMUM_ACCESS', status: 'ELIGIBLE_DEPLOYED', nroCode: 'N', pmCode: 'P' },
				{ offer: 'OPTIMUM_PM', status: 'ELIGIBLE_PARTIALLY_DEPLOYED', nroCode: 'N', pmCode: 'P2' },
				{ offer: 'OPTIMUM_ETHERNET_ENTREPRISE', status: 'ELIGIBLE_DEPLOYED', blom: 'B' },
				{ offer: 'OPTIMUM_ETHERNET_LAN', status: 'NOT_ELIGIBLE', reason: 'notDeployed' },
			],
		};
		expect(simplifyAnswer(answer, [...ALL])).toEqual({
			eligible: true,
			address: answer.address,
			buildings: [{ buildingCode: 'IMB/69123/S/01B7' }],
			offers: {
				optimumAccess: { ...DEPLOYED, nroCode: 'N', pmCode: 'P' },
				optimumPm: { ...PARTIAL, nroCode: 'N', pmCode: 'P2' },
				optimumEthernetEntreprise: { ...DEPLOYED, blom: 'B' },
				optimumEthernetLan: { ...NOT, reason: 'notDeployed' },
			},
		});
	});

	it('French labels as results', () => {
		const items = [
			{ productOffering: offering('FTTE_NRO'), qualificationItemResult: 'Eligible réseau déployé' },
			{
				productOffering: offering('FTTE_PM'),
				qualificationItemResult: 'Éligible - réseau partiellement déployé',
			},
			{
				productOffering: offering('FTTE_active', 'Optimum Ethernet LAN'),
				qualificationItemResult: 'Non éligible',
			},
		];
		const { offers } = simplifyAnswer({ productOfferingQualificationItem: items }, [...ALL]);
		expect(offers).toEqual({
			optimumAccess: DEPLOYED,
			optimumPm: PARTIAL,
			optimumEthernetEntreprise: NO_ANSWER,
			optimumEthernetLan: NOT,
		});
	});

	it('FTTE_active without a name or item id: its answer stands for every active offer asked', () => {
		const items = [
			{ productOffering: offering('FTTE_NRO'), qualificationItemResult: 'eligible' },
			{
				productOffering: offering('FTTE_active'),
				qualificationItemResult: 'eligible',
				characteristic: chars({ BLOM: 'BLOM-9' }),
			},
		];
		const answer = { productOfferingQualificationItem: items };
		expect(simplifyAnswer(answer, [...ALL]).offers).toEqual({
			optimumAccess: DEPLOYED,
			optimumPm: NO_ANSWER,
			optimumEthernetEntreprise: { ...DEPLOYED, blom: 'BLOM-9' },
			optimumEthernetLan: { ...DEPLOYED, blom: 'BLOM-9' },
		});
		// Only the active offers that were asked (an offer answered by name is kept, asked or not).
		expect(simplifyAnswer(answer, ['optimumEthernetLan']).offers).toEqual({
			optimumEthernetLan: { ...DEPLOYED, blom: 'BLOM-9' },
			optimumAccess: DEPLOYED,
		});
	});

	it('FTTE_active without a name but with the item id of the request: that offer only', () => {
		const items = [
			{ id: '2', productOffering: offering('FTTE_active'), qualificationItemResult: 'notEligible' },
			{ id: '1', productOffering: offering('FTTE_active'), qualificationItemResult: 'eligible' },
		];
		const { offers } = simplifyAnswer({ productOfferingQualificationItem: items }, [
			'optimumEthernetEntreprise',
			'optimumEthernetLan',
		]);
		expect(offers).toEqual({ optimumEthernetEntreprise: DEPLOYED, optimumEthernetLan: NOT });
	});

	it('characteristics named nroCode / PM / blomCode, or given as a name → value map', () => {
		const items = [
			{
				productOffering: offering('FTTE_NRO'),
				qualificationItemResult: 'eligible',
				characteristic: chars({ nroCode: 'N-A', PM: 'P-A' }),
			},
			{
				productOffering: offering('FTTE_PM'),
				qualificationItemResult: 'eligible',
				characteristics: { NRO: 'N-B', codePm: 'P-B', message: 'ok' },
			},
			{
				productOffering: offering('FTTE_active', 'optimum ethernet entreprise'),
				qualificationItemResult: 'eligible',
				productCharacteristic: chars({ blomCode: 'B-C' }),
			},
		];
		expect(simplifyAnswer({ productOfferingQualificationItem: items }, [...ALL]).offers).toEqual({
			optimumAccess: { ...DEPLOYED, nroCode: 'N-A', pmCode: 'P-A' },
			optimumPm: { ...DEPLOYED, nroCode: 'N-B', pmCode: 'P-B', details: { message: 'ok' } },
			optimumEthernetEntreprise: { ...DEPLOYED, blom: 'B-C' },
			optimumEthernetLan: NO_ANSWER,
		});
	});

	it.each([
		['productOfferingQualification', { productOfferingQualification: v2 }],
		['data', { data: v2 }],
		['two levels', { result: { qualification: v2 } }],
		['a list of one', [v2]],
	])('an extra wrapper (%s) is looked through', (_name, wrapped) => {
		expect(simplifyAnswer(wrapped, [...ALL])).toEqual(simplifyAnswer(v2, [...ALL]));
	});

	it('a multi-building site: every building, the first as the address building code', () => {
		const site = {
			geographicSite: {
				address: { streetNumber: '8', city: 'LYON' },
				geographicSubAddress: [
					{ buildingCodeOI: 'IMB/69123/S/01B7', buildingName: 'Bâtiment A' },
					{ buildingCodeOI: 'IMB/69123/S/01B8', buildingName: 'Bâtiment B' },
					{ buildingCode: 'IMB/69123/S/01B9' },
				],
			},
			productOfferingQualificationItem: [],
		};
		const simplified = simplifyAnswer(site, ['optimumAccess']);
		expect(simplified.buildings).toEqual([
			{ buildingCode: 'IMB/69123/S/01B7', name: 'Bâtiment A' },
			{ buildingCode: 'IMB/69123/S/01B8', name: 'Bâtiment B' },
			{ buildingCode: 'IMB/69123/S/01B9' },
		]);
		expect(simplified.address).toEqual({
			streetNumber: '8',
			city: 'LYON',
			buildingCode: 'IMB/69123/S/01B7',
		});
	});

	it('a status never seen passes through untouched and does not count as eligible', () => {
		const items = [
			{ productOffering: offering('FTTE_NRO'), qualificationItemResult: 'underStudy' },
		];
		const simplified = simplifyAnswer({ productOfferingQualificationItem: items }, [
			'optimumAccess',
		]);
		expect(simplified.offers).toEqual({
			optimumAccess: { status: 'underStudy', statusLabel: 'underStudy' },
		});
		expect(simplified.eligible).toBe(false);
	});

	it('a reason given as a list of objects, an offer nobody asked for, an unknown offer', () => {
		const items = [
			{
				productOffering: offering('FTTE_NRO'),
				qualificationItemResult: 'notEligible',
				qualificationItemReason: [
					{ code: 'temporaryGel', label: 'Gel temporaire' },
					'exlusionZone',
				],
			},
			{ productOffering: offering('FTTE_PM'), qualificationItemResult: 'eligible' },
			{ productOffering: offering('FTTH_GOLD'), qualificationItemResult: 'eligible' },
		];
		const simplified = simplifyAnswer({ productOfferingQualificationItem: items }, [
			'optimumAccess',
		]);
		expect(simplified.offers).toEqual({
			optimumAccess: { ...NOT, reason: 'temporaryGel, exlusionZone' },
			optimumPm: DEPLOYED,
			FTTH_GOLD: DEPLOYED,
		});
	});

	it.each([
		['an empty object', {}],
		['null', null],
		['a string', 'junk'],
		['items that are not objects', { productOfferingQualificationItem: ['junk', 42, null] }],
		['a result that is an object', { results: [{ offer: 'OPTIMUM_ACCESS', status: { x: 1 } }] }],
	])('never crashes on %s', (_name, answer) => {
		expect(simplifyAnswer(answer, ['optimumAccess'])).toEqual({
			eligible: false,
			address: {},
			buildings: [],
			offers: {
				optimumAccess:
					_name === 'a result that is an object' ? { status: null, statusLabel: null } : NO_ANSWER,
			},
		});
	});
});
