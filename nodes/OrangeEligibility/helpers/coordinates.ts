/**
 * GPS coordinates (WGS84 decimal degrees) checked before a check by coordinates: numbers, in range,
 * and in France — metropolitan France with Corsica, or an overseas department — where Orange
 * Wholesale France's offers exist.
 */
import type { INode } from 'n8n-workflow';

import { invalidInput, quote } from '../../shared/validation';

interface Area {
	name: string;
	south: number;
	north: number;
	west: number;
	east: number;
}

/** Bounding boxes, a little wider than the land so that a coast or an island is never refused. */
export const FRENCH_AREAS: Area[] = [
	{ name: 'metropolitan France and Corsica', south: 41.2, north: 51.2, west: -5.3, east: 9.7 },
	{ name: 'Guadeloupe', south: 15.8, north: 16.6, west: -61.9, east: -60.9 },
	{ name: 'Martinique', south: 14.35, north: 14.95, west: -61.3, east: -60.75 },
	{ name: 'French Guiana', south: 2.0, north: 5.9, west: -54.7, east: -51.5 },
	{ name: 'La Réunion', south: -21.45, north: -20.8, west: 55.15, east: 55.9 },
	{ name: 'Mayotte', south: -13.1, north: -12.55, west: 44.9, east: 45.35 },
];

function inFrance(latitude: number, longitude: number): boolean {
	return FRENCH_AREAS.some(
		(area) =>
			latitude >= area.south &&
			latitude <= area.north &&
			longitude >= area.west &&
			longitude <= area.east,
	);
}

/** One coordinate as a number: a number, or text with a dot or a comma ("48,8462"). */
function degrees(
	node: INode,
	itemIndex: number,
	field: 'Latitude' | 'Longitude',
	value: unknown,
): number {
	const limit = field === 'Latitude' ? 90 : 180;
	const parsed =
		typeof value === 'number'
			? value
			: typeof value === 'string' && /^\s*[+-]?\d+([.,]\d+)?\s*$/.test(value)
				? Number(value.trim().replace(',', '.'))
				: Number.NaN;
	if (!Number.isFinite(parsed) || Math.abs(parsed) > limit) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			`${quote(value)} is not a ${field.toLowerCase()} (expected decimal degrees between -${limit} and ${limit}, WGS84, such as ${field === 'Latitude' ? '48.8462' : '2.3372'})`,
			'Latitude comes first (48.8462 for Paris), then longitude (2.3372).',
		);
	}
	return parsed;
}

/** Latitude and longitude, checked to be a point of France (WGS84). */
export function checkCoordinates(
	node: INode,
	itemIndex: number,
	latitudeValue: unknown,
	longitudeValue: unknown,
): { latitude: number; longitude: number } {
	const latitude = degrees(node, itemIndex, 'Latitude', latitudeValue);
	const longitude = degrees(node, itemIndex, 'Longitude', longitudeValue);
	if (!inFrance(latitude, longitude)) {
		const swapped = inFrance(longitude, latitude);
		throw invalidInput(
			node,
			itemIndex,
			'Latitude',
			`${latitude}, ${longitude} is not in France (expected a point of ${FRENCH_AREAS.map((area) => area.name).join(', ')})`,
			swapped
				? 'Latitude and longitude look swapped: latitude comes first (48.8462 for Paris), then longitude (2.3372).'
				: "Orange Wholesale France's offers cover these places only.",
		);
	}
	return { latitude, longitude };
}
