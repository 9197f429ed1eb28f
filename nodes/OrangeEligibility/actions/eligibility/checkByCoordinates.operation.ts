import type { INodeProperties } from 'n8n-workflow';

import { nodeOf } from '../../../shared/items';
import type { InputField } from '../../descriptions/options';
import { checkOperationProperties } from '../../descriptions/options';
import { checkExecute } from '../../helpers/check';
import { checkCoordinates } from '../../helpers/coordinates';
import { checkToolDescription } from '../../descriptions/toolDescription';

const INPUT_FIELDS: InputField[] = [
	{ name: 'latitude', holds: 'WGS84 decimal degrees' },
	{ name: 'longitude', holds: 'WGS84 decimal degrees' },
];

export const option = {
	name: 'Check GPS Coordinates',
	value: 'checkByCoordinates',
	description: 'Check the Optimum offers at a GPS point (WGS84 latitude and longitude)',
	action: 'Check eligibility at GPS coordinates',
};

export const toolDescription = checkToolDescription(
	'a point in France',
	'Needs its latitude then its longitude, in decimal degrees (WGS84), such as 48.8462 and 2.3372.',
);

export const properties: INodeProperties[] = checkOperationProperties(INPUT_FIELDS, [
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		typeOptions: { numberPrecision: 6, minValue: -90, maxValue: 90 },
		default: 0,
		required: true,
		placeholder: 'e.g. 48.8462',
		description:
			'WGS84 decimal degrees (GPS), such as 48.8462: metropolitan France, Corsica and the overseas departments',
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		typeOptions: { numberPrecision: 6, minValue: -180, maxValue: 180 },
		default: 0,
		required: true,
		placeholder: 'e.g. 2.3372',
		description: 'WGS84 decimal degrees (GPS), such as 2.3372',
	},
]);

export const execute = checkExecute(INPUT_FIELDS, (context, itemIndex, field) => ({
	kind: 'point',
	...checkCoordinates(
		nodeOf(context),
		itemIndex,
		field('latitude', 'Latitude'),
		field('longitude', 'Longitude'),
	),
}));
