/**
 * The sandbox's eligibility data (wire v2): seeded places covering every status, reason and offer
 * combination — found by address, building code, ND (active or inactive), text address or
 * coordinates — and a deterministic answer for any other well-formed address, ND or point, so that
 * a 1,000-row spreadsheet can be checked. Street number 9999, NDs starting with 01000 and text
 * addresses without a postcode are "unknown" (Orange's 404).
 */
import { createHash } from 'node:crypto';

export const OFFER_IDS = ['FTTE_NRO', 'FTTE_PM', 'FTTE_active'] as const;
export const ACTIVE_OFFER_NAMES = ['Optimum Ethernet Entreprise', 'Optimum Ethernet LAN'];
/** The offers in the order of `Place.results`: NRO, PM, Ethernet Entreprise, Ethernet LAN. */
const OFFER_SLOTS = [
	{ id: 'FTTE_NRO', name: 'Optimum Access', passive: true },
	{ id: 'FTTE_PM', name: 'Optimum PM', passive: true },
	{ id: 'FTTE_active', name: 'Optimum Ethernet Entreprise', passive: false },
	{ id: 'FTTE_active', name: 'Optimum Ethernet LAN', passive: false },
];

export interface SiteAddress {
	inseeCode: string;
	rivoliCode: string;
	streetNr: string;
	streetNrSuffix?: string;
	streetName: string;
	postcode: string;
	city: string;
	label: string;
}

export interface Building {
	buildingCodeOI: string;
	buildingName?: string;
}

export interface OfferResult {
	qualificationItemResult: string;
	qualificationItemReason?: string;
	characteristic: { name: string; value: string }[];
}

export interface Place {
	address: SiteAddress;
	buildings: Building[];
	nd?: string;
	ndStatus?: 'active' | 'inactive';
	location: { latitude: number; longitude: number };
	/** One per offer slot (NRO, PM, Ethernet Entreprise, Ethernet LAN). */
	results: OfferResult[];
	/** Answers its active offers as one item `FTTE_active`, with neither name nor item id. */
	activeAsOneItem?: boolean;
}

const E = 'eligible';
const N = 'notEligible';
/** In a seed: eligible, the network only partly deployed. */
const P = 'partial';

function result(slot: number, word: string, tag: string, reason?: string): OfferResult {
	const eligible = word !== N && !/^in|^non/i.test(word);
	const characteristic: { name: string; value: string }[] = [];
	if (eligible && OFFER_SLOTS[slot].passive) {
		characteristic.push({ name: 'codeNRO', value: `NRO-${tag}` });
		characteristic.push({ name: 'codePM', value: `PM-${tag}-${slot === 1 ? '02' : '01'}` });
	} else if (eligible) {
		characteristic.push({ name: 'BLOM', value: `BLOM-${tag}` });
	} else {
		characteristic.push({
			name: 'message',
			value: `No ${OFFER_SLOTS[slot].name} here (${reason})`,
		});
	}
	return {
		qualificationItemResult: word,
		...(reason ? { qualificationItemReason: reason } : {}),
		characteristic,
	};
}

interface Seed {
	address: Omit<SiteAddress, 'label'>;
	buildings: string[];
	nd?: string;
	ndStatus?: 'active' | 'inactive';
	at: [number, number];
	words: [string, string, string, string];
	reasons?: (string | undefined)[];
	activeAsOneItem?: boolean;
}

function labelOf(a: Omit<SiteAddress, 'label'>): string {
	const suffix =
		{ B: ' BIS', T: ' TER', Q: ' QUATER', C: ' QUINQUIES' }[a.streetNrSuffix ?? ''] ?? '';
	return `${a.streetNr}${suffix} ${a.streetName} ${a.postcode} ${a.city}`;
}

export function placeOf(seed: Seed): Place {
	const tag = `${seed.address.inseeCode}-${seed.address.rivoliCode}`;
	return {
		address: { ...seed.address, label: labelOf(seed.address) },
		buildings: seed.buildings.map((code, i) => ({
			buildingCodeOI: code,
			...(seed.buildings.length > 1
				? { buildingName: `Bâtiment ${String.fromCharCode(65 + i)}` }
				: {}),
		})),
		nd: seed.nd,
		ndStatus: seed.nd ? (seed.ndStatus ?? 'active') : undefined,
		location: { latitude: seed.at[0], longitude: seed.at[1] },
		results: seed.words.map((word, slot) => {
			if (word === P) return result(slot, E, tag, 'PartiallydeployedExtention');
			return result(
				slot,
				word,
				tag,
				seed.reasons?.[slot] ?? (word === N ? 'notDeployed' : undefined),
			);
		}),
		activeAsOneItem: seed.activeAsOneItem,
	};
}

const street = (
	inseeCode: string,
	rivoliCode: string,
	streetNr: string,
	streetName: string,
	postcode: string,
	city: string,
	streetNrSuffix?: string,
) => ({
	inseeCode,
	rivoliCode,
	streetNr,
	streetName,
	postcode,
	city,
	...(streetNrSuffix ? { streetNrSuffix } : {}),
});

/** Named places the tests, the examples and the README refer to. */
export const SEEDED_PLACES: Place[] = (
	[
		{
			address: street('75115', '2156', '12', 'RUE DE LA CONVENTION', '75015', 'PARIS'),
			buildings: ['IMB/75115/X/00A1'],
			nd: '0142000001',
			at: [48.8412, 2.2893],
			words: [E, E, E, E],
		},
		// Three buildings at one address; one offer partly deployed, one not at all.
		{
			address: street('69123', '0345', '8', 'QUAI DE LA PECHERIE', '69001', 'LYON', 'B'),
			buildings: ['IMB/69123/S/01B7', 'IMB/69123/S/01B8', 'IMB/69123/S/01B9'],
			nd: '0472000002',
			at: [45.7663, 4.8297],
			words: [E, P, E, N],
			reasons: [undefined, undefined, undefined, 'notDeployed'],
		},
		{
			address: street('2A004', 'B012', '3', 'COURS NAPOLEON', '20000', 'AJACCIO'),
			buildings: ['IMB/2A004/C/0003'],
			nd: '0495000003',
			at: [41.9203, 8.7369],
			words: [P, P, P, P],
		},
		// Not eligible, each offer for another of Orange's reasons (its own spellings).
		{
			address: street('13055', '1001', '140', 'RUE DE ROME', '13006', 'MARSEILLE'),
			buildings: ['IMB/13055/M/0140'],
			nd: '0491000004',
			at: [43.2907, 5.3836],
			words: [N, N, N, N],
			reasons: ['notDeployed', 'exlusionZone', 'temporaryGel', 'freezeBeforeClosing'],
		},
		// Results in French labels: the node must understand them.
		{
			address: street('33063', '0420', '5', 'COURS DE L INTENDANCE', '33000', 'BORDEAUX', 'T'),
			buildings: ['IMB/33063/B/0005'],
			nd: '0556000005',
			at: [44.8427, -0.5763],
			words: ['Eligible réseau déployé', 'Eligible réseau partiellement déployé', E, 'Inéligible'],
		},
		// A result word the node does not know: it must pass through untouched.
		{
			address: street('59350', '0777', '21', 'RUE NATIONALE', '59000', 'LILLE'),
			buildings: ['IMB/59350/L/0021'],
			nd: '0320000006',
			at: [50.6365, 3.0586],
			words: ['underStudy', E, 'underStudy', E],
		},
		// Active offers answered as one item "FTTE_active", without a name.
		{
			address: street('31555', '0107', '7', 'PLACE DU CAPITOLE', '31000', 'TOULOUSE'),
			buildings: ['IMB/31555/C/0107'],
			at: [43.6045, 1.444],
			words: [E, E, E, E],
			activeAsOneItem: true,
		},
		// The address of the README's text example; its line is no longer in service.
		{
			address: street('75115', '9716', '12', 'RUE DE VAUGIRARD', '75015', 'PARIS', 'B'),
			buildings: ['IMB/75115/V/0012'],
			nd: '0145000007',
			ndStatus: 'inactive',
			at: [48.8462, 2.3372],
			words: [E, E, N, N],
			reasons: [undefined, undefined, 'onlyMetropolitanAreaOffer', 'notDeployed'],
		},
	] satisfies Seed[]
).map(placeOf);

function hash(text: string): number {
	return parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);
}

/** A made-up but stable answer for any other well-formed place, keyed by `key`. */
export function generatedPlace(
	key: string,
	known: Partial<SiteAddress> = {},
	at?: [number, number],
): Place {
	const seed = hash(key);
	const pick = (shift: number) => [E, E, P, N][(seed >>> shift) & 3];
	const inseeCode = known.inseeCode || '44109';
	const streetNr = known.streetNr || String((seed % 300) + 1);
	const address = {
		...street(
			inseeCode,
			known.rivoliCode || (seed % 10000).toString().padStart(4, '0'),
			streetNr,
			known.streetName || 'RUE DU SANDBOX',
			known.postcode || (inseeCode.startsWith('2') ? '20000' : `${inseeCode.slice(0, 2)}000`),
			known.city || 'SANDBOX',
			known.streetNrSuffix,
		),
	};
	return placeOf({
		address,
		buildings: [`IMB/${inseeCode}/G/${(seed % 65536).toString(16).toUpperCase().padStart(4, '0')}`],
		at: at ?? [47 + (seed % 1000) / 1000, 2 + (seed % 777) / 1000],
		words: [pick(0), pick(2), pick(4), pick(6)],
	});
}

/** Text compared as a user would: case, accents, spaces and punctuation ignored. */
export function squashText(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}
