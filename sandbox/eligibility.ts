/**
 * The sandbox's eligibility data: seeded places covering every status and offer combination, and
 * a deterministic answer for any other well-formed address or ND, so that a 1,000-row spreadsheet
 * can be checked. Street number 9999 and NDs starting with 01000 are "unknown" (Orange's 404).
 */
import { createHash } from 'node:crypto';

export const OFFER_CODES = [
	'OPTIMUM_ACCESS',
	'OPTIMUM_PM',
	'OPTIMUM_ETHERNET_ENTREPRISE',
	'OPTIMUM_ETHERNET_LAN',
] as const;
export type OfferCode = (typeof OFFER_CODES)[number];
const PASSIVE = new Set<string>(['OPTIMUM_ACCESS', 'OPTIMUM_PM']);

export interface PlaceAddress {
	inseeCode: string;
	rivoliCode: string;
	streetNumber: string;
	streetNumberComplement?: string;
	buildingCode: string;
	label: string;
}

export interface OfferResult {
	status: string;
	reason?: string;
	nroCode?: string;
	pmCode?: string;
	blom?: string;
}

export interface Place {
	address: PlaceAddress;
	nd?: string;
	results: Record<OfferCode, OfferResult>;
}

const D = 'ELIGIBLE_DEPLOYED';
const P = 'ELIGIBLE_PARTIALLY_DEPLOYED';
const N = 'NOT_ELIGIBLE';

function result(offer: OfferCode, status: string, place: string, reason?: string): OfferResult {
	const eligible = status !== N && status !== 'Inéligible' && status !== 'notEligible';
	if (!eligible) return { status, reason: reason ?? 'notDeployed' };
	return PASSIVE.has(offer)
		? {
				status,
				nroCode: `NRO-${place}`,
				pmCode: `PM-${place}-${offer === 'OPTIMUM_PM' ? '02' : '01'}`,
				...(reason ? { reason } : {}),
			}
		: { status, blom: `BLOM-${place}`, ...(reason ? { reason } : {}) };
}

function place(
	address: PlaceAddress,
	nd: string | undefined,
	statuses: [string, string, string, string],
	reasons: (string | undefined)[] = [],
): Place {
	const tag = `${address.inseeCode}-${address.rivoliCode}`;
	const results = Object.fromEntries(
		OFFER_CODES.map((offer, i) => [offer, result(offer, statuses[i], tag, reasons[i])]),
	) as Record<OfferCode, OfferResult>;
	return { address, nd, results };
}

/** Named places the tests and the README refer to. */
export const SEEDED_PLACES: Place[] = [
	place(
		{
			inseeCode: '75115',
			rivoliCode: '2156',
			streetNumber: '12',
			buildingCode: 'IMB/75115/X/00A1',
			label: '12 RUE DE LA CONVENTION 75015 PARIS',
		},
		'0142000001',
		[D, D, D, D],
	),
	place(
		{
			inseeCode: '69123',
			rivoliCode: '0345',
			streetNumber: '8',
			streetNumberComplement: 'B',
			buildingCode: 'IMB/69123/S/01B7',
			label: '8 BIS QUAI DE LA PECHERIE 69001 LYON',
		},
		'0472000002',
		[D, P, D, N],
		[undefined, 'PartiallydeployedExtention', undefined, 'notDeployed'],
	),
	place(
		{
			inseeCode: '2A004',
			rivoliCode: 'B012',
			streetNumber: '3',
			buildingCode: 'IMB/2A004/C/0003',
			label: '3 COURS NAPOLEON 20000 AJACCIO',
		},
		'0495000003',
		[P, P, P, P],
	),
	place(
		{
			inseeCode: '13055',
			rivoliCode: '1001',
			streetNumber: '140',
			buildingCode: 'IMB/13055/M/0140',
			label: '140 RUE DE ROME 13006 MARSEILLE',
		},
		'0491000004',
		[N, N, N, N],
		['notDeployed', 'exlusionZone', 'temporaryGel', 'notDeployed'],
	),
	// Answers in French labels and camelCase: the node must understand both.
	place(
		{
			inseeCode: '33063',
			rivoliCode: '0420',
			streetNumber: '5',
			streetNumberComplement: 'T',
			buildingCode: 'IMB/33063/B/0005',
			label: '5 TER COURS DE L INTENDANCE 33000 BORDEAUX',
		},
		'0556000005',
		['Eligible réseau déployé', 'Eligible réseau partiellement déployé', 'eligible', 'notEligible'],
	),
	// A status the node does not know: it must pass through untouched.
	place(
		{
			inseeCode: '59350',
			rivoliCode: '0777',
			streetNumber: '21',
			buildingCode: 'IMB/59350/L/0021',
			label: '21 RUE NATIONALE 59000 LILLE',
		},
		'0320000006',
		['UNDER_STUDY', D, 'UNDER_STUDY', D],
	),
	place(
		{
			inseeCode: '31555',
			rivoliCode: '0107',
			streetNumber: '7',
			buildingCode: 'IMB/31555/C/0107',
			label: '7 PLACE DU CAPITOLE 31000 TOULOUSE',
		},
		undefined,
		[D, D, P, N],
	),
];

function hash(text: string): number {
	return parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);
}

/** A made-up but stable answer for any other well-formed address. */
export function generatedPlace(
	address: Omit<PlaceAddress, 'label' | 'buildingCode'> & { buildingCode?: string },
	nd?: string,
): Place {
	const seed = hash(
		`${address.inseeCode}/${address.rivoliCode}/${address.streetNumber}/${address.streetNumberComplement ?? ''}/${address.buildingCode ?? ''}/${nd ?? ''}`,
	);
	const pick = (shift: number) => [D, D, P, N][(seed >>> shift) & 3];
	const insee = address.inseeCode || '44109';
	const full: PlaceAddress = {
		inseeCode: insee,
		rivoliCode: address.rivoliCode || (seed % 10000).toString().padStart(4, '0'),
		streetNumber: address.streetNumber || String((seed % 300) + 1),
		...(address.streetNumberComplement
			? { streetNumberComplement: address.streetNumberComplement }
			: {}),
		buildingCode:
			address.buildingCode ??
			`IMB/${insee}/G/${(seed % 65536).toString(16).toUpperCase().padStart(4, '0')}`,
		label: `${address.streetNumber || (seed % 300) + 1} RUE DU SANDBOX ${insee}`,
	};
	return place(full, nd, [pick(0), pick(2), pick(4), pick(6)]);
}

export function findByNd(nd: string): Place | undefined {
	if (nd.startsWith('01000')) return undefined;
	return (
		SEEDED_PLACES.find((p) => p.nd === nd) ??
		generatedPlace({ inseeCode: '', rivoliCode: '', streetNumber: '' }, nd)
	);
}

export function findByAddress(query: Partial<PlaceAddress>): Place | undefined {
	if (query.streetNumber === '9999') return undefined;
	if (query.buildingCode) {
		return (
			SEEDED_PLACES.find((p) => p.address.buildingCode === query.buildingCode) ??
			(query.buildingCode.endsWith('/9999')
				? undefined
				: generatedPlace({
						inseeCode: query.buildingCode.split('/')[1] ?? '44109',
						rivoliCode: '',
						streetNumber: '',
						buildingCode: query.buildingCode,
					}))
		);
	}
	return (
		SEEDED_PLACES.find(
			(p) =>
				p.address.inseeCode === query.inseeCode &&
				p.address.rivoliCode === query.rivoliCode &&
				p.address.streetNumber === query.streetNumber &&
				(p.address.streetNumberComplement ?? '') === (query.streetNumberComplement ?? ''),
		) ??
		generatedPlace({
			inseeCode: query.inseeCode!,
			rivoliCode: query.rivoliCode!,
			streetNumber: query.streetNumber!,
			streetNumberComplement: query.streetNumberComplement,
		})
	);
}
