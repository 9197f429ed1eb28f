/**
 * The wire format of the "Eligibilité Opérateur" API — in this one file.
 *
 * Orange publishes the API reference only to its subscribers, so this format is modelled on the
 * subscription guide (what the API answers: per offer a status, the normalised address, the NRO/PM
 * for passive offers, the BLOM for active ones) and on Orange Wholesale's public vocabulary.
 * Adapting the node to the reference Orange gives subscribers is a change to this file only.
 *
 * Request:  POST {baseUrl}/eligibilite-operateur/v1/eligibility
 *   { "requester": { "login", "siren", "contractNumber" },
 *     "offers": ["OPTIMUM_ACCESS", "OPTIMUM_PM", "OPTIMUM_ETHERNET_ENTREPRISE", "OPTIMUM_ETHERNET_LAN"],
 *     "nd": "0142000001"
 *     | "address": { "inseeCode", "rivoliCode", "streetNumber", "streetNumberComplement", "buildingCode" } }
 * Answer:
 *   { "address": { …the same fields, normalised…, "label" },
 *     "results": [ { "offer", "status", "reason"?, "nroCode"?, "pmCode"?, "blom"? } ] }
 *   status: ELIGIBLE_DEPLOYED | ELIGIBLE_PARTIALLY_DEPLOYED | NOT_ELIGIBLE; variants (French labels,
 *   camelCase such as `eligible`, `partiallyDeployed`, `notEligible`) are understood, and any other
 *   value passes through untouched.
 */
import type { IDataObject } from 'n8n-workflow';

export const ELIGIBILITY_PATH = '/eligibility';
export const ELIGIBILITY_BASE_PATH = '/eligibilite-operateur/v1';

/** The offers, by the node's option value, with their code on the wire. */
export const OFFERS = {
	optimumAccess: { code: 'OPTIMUM_ACCESS', name: 'Optimum Access', kind: 'passive' },
	optimumPm: { code: 'OPTIMUM_PM', name: 'Optimum PM', kind: 'passive' },
	optimumEthernetEntreprise: {
		code: 'OPTIMUM_ETHERNET_ENTREPRISE',
		name: 'Optimum Ethernet Entreprise',
		kind: 'active',
	},
	optimumEthernetLan: {
		code: 'OPTIMUM_ETHERNET_LAN',
		name: 'Optimum Ethernet LAN',
		kind: 'active',
	},
} as const;

export type OfferKey = keyof typeof OFFERS;
export const OFFER_KEYS = Object.keys(OFFERS) as OfferKey[];

export const STATUSES = {
	ELIGIBLE_DEPLOYED: 'Eligible réseau déployé',
	ELIGIBLE_PARTIALLY_DEPLOYED: 'Eligible réseau partiellement déployé',
	NOT_ELIGIBLE: 'Inéligible',
} as const;

export type Status = keyof typeof STATUSES;

export interface Requester {
	login: string;
	siren: string;
	contractNumber: string;
}

export interface AddressQuery {
	inseeCode?: string;
	rivoliCode?: string;
	streetNumber?: string;
	streetNumberComplement?: string;
	buildingCode?: string;
}

export function eligibilityRequestBody(
	requester: Requester,
	offers: OfferKey[],
	target: { nd: string } | { address: AddressQuery },
): IDataObject {
	return {
		requester: { ...requester },
		offers: offers.map((offer) => OFFERS[offer].code),
		...('nd' in target ? { nd: target.nd } : { address: { ...target.address } }),
	};
}

const squashed = new Map<string, string>();

/** Lower-case letters only, accents removed: "Éligible - réseau déployé" → "eligiblereseaudeploye". */
function squash(text: string): string {
	let result = squashed.get(text);
	if (result === undefined) {
		result = text
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z]/g, '');
		// Orange sends a handful of distinct labels; the bound only guards against a flood of new ones.
		if (squashed.size < 1000) squashed.set(text, result);
	}
	return result;
}

/** The canonical status for what Orange sent, or undefined for a value this file does not know. */
export function canonicalStatus(value: unknown): Status | undefined {
	if (typeof value !== 'string') return undefined;
	const text = squash(value);
	if (text === '') return undefined;
	if (/^(not|non|in)eligible|^ineligible$|^noteligible/.test(text)) return 'NOT_ELIGIBLE';
	if (text.includes('partiel') || text.includes('partial')) return 'ELIGIBLE_PARTIALLY_DEPLOYED';
	if (/^eligible(reseaudeploye|deployed)?$|^deployed$/.test(text)) return 'ELIGIBLE_DEPLOYED';
	return undefined;
}

/** The node's offer key for an offer code or name as Orange wrote it. */
export function offerKeyOf(value: unknown): OfferKey | undefined {
	if (typeof value !== 'string') return undefined;
	const text = squash(value);
	return OFFER_KEYS.find(
		(key) =>
			squash(key) === text ||
			squash(OFFERS[key].code) === text ||
			squash(OFFERS[key].name) === text,
	);
}

function definedOnly(object: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(object).filter(
			([, value]) => value !== undefined && value !== null && value !== '',
		),
	);
}

/**
 * The simplified output: `eligible` (any offer eligible), the normalised address, and per offer
 * its status, the French label of that status, and NRO/PM (passive offers) or BLOM (active ones).
 */
export function simplifyAnswer(answer: IDataObject, offersAsked: OfferKey[]): IDataObject {
	const results = Array.isArray(answer.results) ? (answer.results as IDataObject[]) : [];
	const offers: IDataObject = {};
	let eligible = false;
	for (const result of results) {
		const key = offerKeyOf(result.offer);
		const status = canonicalStatus(result.status);
		if (status && status !== 'NOT_ELIGIBLE') eligible = true;
		const entry: IDataObject = {
			status: status ?? result.status ?? null,
			statusLabel: status ? STATUSES[status] : (result.status ?? null),
			...definedOnly({ reason: result.reason }),
		};
		if (!key || OFFERS[key].kind === 'passive')
			Object.assign(entry, definedOnly({ nroCode: result.nroCode, pmCode: result.pmCode }));
		if (!key || OFFERS[key].kind === 'active')
			Object.assign(entry, definedOnly({ blom: result.blom }));
		offers[key ?? String(result.offer)] = entry;
	}
	for (const key of offersAsked) {
		offers[key] ??= { status: null, statusLabel: 'No answer for this offer' };
	}
	return {
		eligible,
		address: (answer.address as IDataObject | undefined) ?? {},
		offers,
	};
}
