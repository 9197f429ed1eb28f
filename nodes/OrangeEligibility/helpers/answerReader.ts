/**
 * Reads an eligibility answer into the node's simplified output, tolerantly: every field name it
 * looks for comes from `WIRE_NAMES` (wireFormat.ts), each with its variants; an answer wrapped in an
 * envelope, a list given as one object, an offer named only by its shared id, a status word never
 * seen — all are read, and what is not understood passes through untouched.
 */
import type { IDataObject } from 'n8n-workflow';

import type { OfferKey } from './wireFormat';
import { canonicalStatus, OFFERS, offersNamedBy, STATUSES, WIRE_NAMES } from './wireFormat';
import {
	asList,
	definedOnly,
	findHolder,
	firstObject,
	isObject,
	pick,
	squash,
	text,
} from './tolerantRead';

const NO_ANSWER: IDataObject = { status: null, statusLabel: 'No answer for this offer' };

/** Item fields that say which offer, which status or which reason: never characteristics. */
const ITEM_FIELDS = new Set(
	[
		...WIRE_NAMES.offerObject,
		...WIRE_NAMES.offerFlat,
		...WIRE_NAMES.itemId,
		...WIRE_NAMES.result,
		...WIRE_NAMES.reason,
		...WIRE_NAMES.characteristics,
		...WIRE_NAMES.notCharacteristics,
	].map(squash),
);

/** The characteristics of an item by name: its name/value list, a name → value map, or flat fields (v1). */
function characteristicsOf(item: IDataObject): Map<string, string> {
	const found = new Map<string, string>();
	const listed = pick(item, WIRE_NAMES.characteristics);
	for (const entry of asList(listed)) {
		const name = text(pick(entry, WIRE_NAMES.characteristicName));
		if (name !== '') found.set(name, text(pick(entry, WIRE_NAMES.characteristicValue)));
		else if (!Array.isArray(listed)) {
			for (const [key, value] of Object.entries(entry)) found.set(key, text(value));
		}
	}
	for (const [key, value] of Object.entries(item)) {
		if (!ITEM_FIELDS.has(squash(key)) && !isObject(value) && !Array.isArray(value))
			found.set(key, text(value));
	}
	return found;
}

/** Removes and answers the characteristic named by one of `names`. */
function take(characteristics: Map<string, string>, names: readonly string[]): string | undefined {
	const wanted = names.map(squash);
	for (const [name, value] of characteristics) {
		if (wanted.includes(squash(name))) {
			characteristics.delete(name);
			return value;
		}
	}
	return undefined;
}

function reasonOf(item: IDataObject): string {
	const value = pick(item, WIRE_NAMES.reason);
	const parts = (Array.isArray(value) ? value : [value]).map((part) =>
		isObject(part) ? text(pick(part, WIRE_NAMES.reasonRef)) : text(part),
	);
	return parts.filter((part) => part !== '').join(', ');
}

/** One offer of the output: status, French label, reason, NRO/PM or BLOM, the other characteristics. */
export function offerEntry(item: IDataObject | undefined, key: OfferKey | undefined): IDataObject {
	if (!item) return { ...NO_ANSWER };
	const result = text(pick(item, WIRE_NAMES.result));
	const reason = reasonOf(item);
	const status = canonicalStatus(result, reason);
	const characteristics = characteristicsOf(item);
	const kind = key ? OFFERS[key].kind : undefined;
	const entry: IDataObject = {
		status: status ?? (result || null),
		statusLabel: status ? STATUSES[status] : result || null,
		reason,
	};
	if (kind !== 'active') {
		entry.nroCode = take(characteristics, WIRE_NAMES.nroCode);
		entry.pmCode = take(characteristics, WIRE_NAMES.pmCode);
	}
	if (kind !== 'passive') entry.blom = take(characteristics, WIRE_NAMES.blom);
	entry.details = Object.fromEntries(characteristics);
	return { status: entry.status, statusLabel: entry.statusLabel, ...definedOnly(entry) };
}

/** Every id or name an item gives its offer. */
function offerNames(item: IDataObject): string[] {
	const offering = pick(item, WIRE_NAMES.offerObject);
	const names = isObject(offering)
		? WIRE_NAMES.offerRef.map((name) => text(pick(offering, [name])))
		: [text(offering)];
	names.push(...WIRE_NAMES.offerFlat.map((name) => text(pick(item, [name]))));
	return names.filter((name) => name !== '');
}

interface ReadItem {
	item: IDataObject;
	/** The offers it answers: one, several (a shared id such as FTTE_active), or none (unknown). */
	keys: OfferKey[];
	/** Whether it names one offer for sure (its name, its own id, or the item id of the request). */
	specific: boolean;
}

function readItem(item: IDataObject, offersAsked: OfferKey[]): ReadItem {
	const named = offerNames(item).map(offersNamedBy);
	const one = named.find((keys) => keys.length === 1);
	if (one) return { item, keys: one, specific: true };
	const shared = [...new Set(named.flat())].filter((key) => offersAsked.includes(key));
	// The request numbered its items 1, 2, …: an answer that keeps the numbers says which offer.
	const byItemId = offersAsked[Number(text(pick(item, WIRE_NAMES.itemId))) - 1];
	if (byItemId && (shared.length === 0 || shared.includes(byItemId)))
		return { item, keys: [byItemId], specific: true };
	return { item, keys: shared, specific: false };
}

/** The output's offers: those asked first, in their order, then any other offer Orange answered. */
function offersOf(items: IDataObject[], offersAsked: OfferKey[]): IDataObject {
	const read = items.map((item) => readItem(item, offersAsked));
	const answers = new Map<string, IDataObject>();
	for (const { item, keys, specific } of read) {
		if (specific) answers.set(keys[0], offerEntry(item, keys[0]));
	}
	read.forEach(({ item, keys, specific }, index) => {
		if (specific) return;
		if (keys.length === 0) {
			const name = offerNames(item)[0] ?? `offer${index + 1}`;
			answers.set(answers.has(name) ? `${name}_${index + 1}` : name, offerEntry(item, undefined));
		}
		for (const key of keys) if (!answers.has(key)) answers.set(key, offerEntry(item, key));
	});
	const offers: IDataObject = {};
	for (const key of offersAsked) offers[key] = answers.get(key) ?? { ...NO_ANSWER };
	for (const [key, entry] of answers) offers[key] ??= entry;
	return offers;
}

function buildingsOf(site: IDataObject | undefined, place: IDataObject | undefined): IDataObject[] {
	const subAddresses = asList(
		pick(site, WIRE_NAMES.subAddresses) ?? pick(place, WIRE_NAMES.subAddresses),
	);
	const buildings = subAddresses
		.map((sub) =>
			definedOnly({
				buildingCode: text(pick(sub, WIRE_NAMES.buildingCode)),
				name: text(pick(sub, WIRE_NAMES.buildingName)),
			}),
		)
		.filter((building) => Object.keys(building).length > 0);
	// Wire v1 carried one building code on the address itself.
	const ownCode = text(pick(place, WIRE_NAMES.buildingCode.slice(0, -1)));
	if (buildings.length === 0 && ownCode !== '') buildings.push({ buildingCode: ownCode });
	return buildings;
}

const ADDRESS_FIELDS = [
	'inseeCode',
	'rivoliCode',
	'streetNumber',
	'streetNumberComplement',
	'streetName',
	'postcode',
	'city',
	'label',
] as const;

function addressOf(place: IDataObject | undefined, buildings: IDataObject[]): IDataObject {
	const address: IDataObject = {};
	for (const field of ADDRESS_FIELDS) address[field] = text(pick(place, WIRE_NAMES[field]));
	address.buildingCode = buildings[0]?.buildingCode;
	return definedOnly(address);
}

/**
 * The simplified output: `eligible` (any offer eligible), the normalised address, every building of
 * the address, and per offer asked its status, the French label of that status, the reason, NRO/PM
 * (passive offers) or BLOM (active ones) and the other characteristics as `details`.
 */
export function simplifyAnswer(answer: unknown, offersAsked: OfferKey[]): IDataObject {
	const root = findHolder(answer, WIRE_NAMES.items) ?? findHolder(answer, WIRE_NAMES.site) ?? {};
	const site = firstObject(pick(root, WIRE_NAMES.site));
	const place = firstObject(pick(site, WIRE_NAMES.place) ?? pick(root, WIRE_NAMES.place));
	const buildings = buildingsOf(site, place);
	const offers = offersOf(asList(pick(root, WIRE_NAMES.items)), offersAsked);
	const eligible = Object.values(offers).some((entry) =>
		String((entry as IDataObject).status).startsWith('ELIGIBLE_'),
	);
	return { eligible, address: addressOf(place, buildings), buildings, offers };
}
