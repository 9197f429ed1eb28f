import type { INodeProperties } from 'n8n-workflow';

import { nodeOf } from '../../../shared/items';
import { checkOperationProperties } from '../../descriptions/options';
import { checkExecute } from '../../helpers/check';
import { checkCoordinates } from '../../helpers/coordinates';

const EXPECTED_FIELDS = 'the point in fields named latitude and longitude (WGS84 decimal degrees)';

export const option = {
	name: 'Check by Coordinates',
	value: 'checkByCoordinates',
	description: 'Check the Optimum offers at a GPS point (WGS84 latitude and longitude)',
	action: 'Check eligibility at GPS coordinates',
};

export const properties: INodeProperties[] = checkOperationProperties(EXPECTED_FIELDS, [
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		typeOptions: { numberPrecision: 6, minValue: -90, maxValue: 90 },
		default: 0,
		required: true,
		placeholder: '48.8462',
		description:
			'WGS84 decimal degrees, such as 48.8462 (GPS). France and its overseas departments.',
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		typeOptions: { numberPrecision: 6, minValue: -180, maxValue: 180 },
		default: 0,
		required: true,
		placeholder: '2.3372',
		description: 'WGS84 decimal degrees, such as 2.3372 (GPS)',
	},
]);

export const execute = checkExecute(EXPECTED_FIELDS, (context, itemIndex, field) => ({
	kind: 'point',
	...checkCoordinates(
		nodeOf(context),
		itemIndex,
		field('latitude', 'Latitude'),
		field('longitude', 'Longitude'),
	),
}));
