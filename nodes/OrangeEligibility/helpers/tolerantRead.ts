/**
 * Generic helpers for reading a JSON answer whose exact shape is not known in advance: keys
 * matched whatever their case, accents or separators, lists that may come as one object, objects
 * that may sit one level deeper. They know no field name: the names come from `wireFormat.ts`.
 */
import type { IDataObject } from 'n8n-workflow';

const squashed = new Map<string, string>();

/** Lower-case letters and digits only, accents removed: "Éligible - réseau déployé" → "eligiblereseaudeploye". */
export function squash(text: string): string {
	let result = squashed.get(text);
	if (result === undefined) {
		result = text
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]/g, '');
		// Answers repeat a handful of distinct keys and words; the bound only guards against a flood.
		if (squashed.size < 2000) squashed.set(text, result);
	}
	return result;
}

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each list of names, squashed once: the lists are the wire format's constants. */
const squashedNames = new WeakMap<readonly string[], Set<string>>();

function squashedSet(names: readonly string[]): Set<string> {
	let set = squashedNames.get(names);
	if (!set) squashedNames.set(names, (set = new Set(names.map(squash))));
	return set;
}

/** The value under the first of `names` the object has, keys compared squashed. */
export function pick(object: unknown, names: readonly string[]): unknown {
	if (!isObject(object)) return undefined;
	for (const name of names) {
		if (object[name] !== undefined && object[name] !== null) return object[name];
	}
	const wanted = squashedSet(names);
	for (const key in object) {
		const value = object[key];
		if (value !== undefined && value !== null && wanted.has(squash(key))) return value;
	}
	return undefined;
}

/** A scalar as text ("" for anything else), so that 12 and "12" read alike. */
export function text(value: unknown): string {
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return '';
}

/** An array as it is, one object as a list of one, anything else as an empty list. */
export function asList(value: unknown): IDataObject[] {
	if (Array.isArray(value)) return value.filter(isObject);
	return isObject(value) ? [value] : [];
}

/** The first object in `value` (itself, or the first element of a list). */
export function firstObject(value: unknown): IDataObject | undefined {
	return asList(value)[0];
}

/**
 * The object, at most `depth` levels down, that holds one of `names`: answers sometimes wrap the
 * real content in an envelope (`{ "data": { … } }`).
 */
export function findHolder(
	root: unknown,
	names: readonly string[],
	depth = 3,
): IDataObject | undefined {
	let level: IDataObject[] = asList(root);
	for (let i = 0; i <= depth && level.length > 0; i++) {
		const holder = level.find((object) => pick(object, names) !== undefined);
		if (holder) return holder;
		level = level.flatMap((object) => Object.values(object).flatMap(asList));
	}
	return undefined;
}

/** The object without its empty values (undefined, null, "", empty objects). */
export function definedOnly(object: IDataObject): IDataObject {
	const kept: IDataObject = {};
	for (const key in object) {
		const value = object[key];
		if (value === undefined || value === null || value === '') continue;
		if (isObject(value) && Object.keys(value).length === 0) continue;
		kept[key] = value;
	}
	return kept;
}
