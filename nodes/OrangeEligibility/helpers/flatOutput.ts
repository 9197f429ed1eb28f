/**
 * The simplified output of version 2: one flat record per check, ready to map into a CRM or an
 * If node without an Edit Fields node — what was checked, `found`, `eligible`, the normalised
 * address, each offer's status code and label, NRO/PM/BLOM. The same keys for every check of a
 * configuration (null where Orange gave nothing), so that n8n's schema view shows them all.
 */
import type { IDataObject } from 'n8n-workflow';

import type { CheckedPlace, OfferKey, Status } from './wireFormat';
import { STATUSES } from './wireFormat';

export type StatusLanguage = 'english' | 'french';

const ENGLISH_LABELS: Record<Status, string> = {
	ELIGIBLE_DEPLOYED: 'Eligible, network deployed',
	ELIGIBLE_PARTIALLY_DEPLOYED: 'Eligible, network partially deployed',
	NOT_ELIGIBLE: 'Not eligible',
};

const NO_ANSWER: Record<StatusLanguage, string> = {
	english: 'No answer for this offer',
	french: 'Pas de réponse pour cette offre',
};

function statusLabel(status: unknown, language: StatusLanguage): string {
	if (status === null || status === undefined) return NO_ANSWER[language];
	const known = status as Status;
	if (known in STATUSES) return language === 'french' ? STATUSES[known] : ENGLISH_LABELS[known];
	// A word the node does not know: Orange's, untouched.
	return String(status);
}

/** What was checked, as it was sent to Orange. */
export function checkedFields(place: CheckedPlace): IDataObject {
	switch (place.kind) {
		case 'line':
			return { nd: place.nd, ndStatus: place.ndStatus };
		case 'text':
			return { address: place.address };
		case 'point':
			return { latitude: place.latitude, longitude: place.longitude };
		case 'address':
			return {
				inseeCode: place.inseeCode,
				rivoliCode: place.rivoliCode,
				streetNumber: place.streetNumber,
				streetNumberComplement: place.streetNumberComplement,
			};
		case 'building':
			return { buildingCode: place.buildingCode };
	}
}

/** Address fields, and their names in the nested address of version 1. */
const ADDRESS_FIELDS = {
	addressLabel: 'label',
	streetNumber: 'streetNumber',
	streetNumberComplement: 'streetNumberComplement',
	streetName: 'streetName',
	postcode: 'postcode',
	city: 'city',
	inseeCode: 'inseeCode',
	rivoliCode: 'rivoliCode',
	buildingCode: 'buildingCode',
} as const;

type AddressKey = keyof typeof ADDRESS_FIELDS;

/** The checked fields first (what the user gave is what was checked), then Orange's address. */
function addressFields(address: IDataObject, checked: IDataObject): IDataObject {
	const fields: IDataObject = {};
	for (const key of Object.keys(ADDRESS_FIELDS) as AddressKey[]) {
		fields[key] = checked[key] ?? address[ADDRESS_FIELDS[key]] ?? null;
	}
	return fields;
}

/** The checked fields that are not address fields (nd, address text, coordinates): they lead. */
function leadingFields(checked: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(checked).filter(([key]) => !(key in ADDRESS_FIELDS)));
}

function offerFields(
	offers: IDataObject,
	asked: OfferKey[],
	language: StatusLanguage,
): IDataObject {
	const fields: IDataObject = {};
	for (const key of asked) {
		const entry = (offers[key] ?? {}) as IDataObject;
		fields[`${key}Status`] = entry.status ?? null;
		fields[`${key}StatusLabel`] = statusLabel(entry.status, language);
		fields[`${key}Reason`] = entry.reason ?? null;
		if (entry.details) fields[`${key}Details`] = entry.details;
	}
	return fields;
}

/** NRO and PM from the first passive offer asked that has them, BLOM from the first active one. */
function networkCodes(offers: IDataObject, asked: OfferKey[]): IDataObject {
	const first = (field: string, keys: OfferKey[]) =>
		keys
			.filter((key) => asked.includes(key))
			.map((key) => (offers[key] as IDataObject | undefined)?.[field])
			.find((value) => value !== undefined) ?? null;
	const passive: OfferKey[] = ['optimumAccess', 'optimumPm'];
	return {
		nroCode: first('nroCode', passive),
		pmCode: first('pmCode', passive),
		blom: first('blom', ['optimumEthernetEntreprise', 'optimumEthernetLan']),
	};
}

/** Version 2's record for a check Orange answered, from version 1's simplified answer. */
export function flatAnswer(
	simplified: IDataObject,
	asked: OfferKey[],
	place: CheckedPlace,
	language: StatusLanguage,
): IDataObject {
	const checked = checkedFields(place);
	const offers = simplified.offers as IDataObject;
	return {
		found: true,
		eligible: simplified.eligible,
		...leadingFields(checked),
		...addressFields(simplified.address as IDataObject, checked),
		...offerFields(offers, asked, language),
		...networkCodes(offers, asked),
		buildings: simplified.buildings,
		message: null,
	};
}

/** Version 2's record for a place Orange does not know: the same keys, `found` false, its words. */
export function notFoundRecord(
	asked: OfferKey[],
	place: CheckedPlace,
	language: StatusLanguage,
	message: string,
): IDataObject {
	const checked = checkedFields(place);
	const offers: IDataObject = {};
	const record: IDataObject = {
		found: false,
		eligible: false,
		...leadingFields(checked),
		...addressFields({}, checked),
		...offerFields(offers, asked, language),
		...networkCodes(offers, asked),
		buildings: [],
		message,
	};
	for (const key of asked) record[`${key}StatusLabel`] = null;
	return record;
}
