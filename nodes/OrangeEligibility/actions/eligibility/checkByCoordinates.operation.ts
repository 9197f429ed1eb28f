import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { nodeOf } from '../../../shared/items';
import {
	definedBelow,
	mappingModeProperty,
	offersProperty,
	optionsProperty,
	simplifyProperty,
} from '../../descriptions/options';
import { checkEligibility, fieldReaderFor, offersOf } from '../../helpers/check';
import { checkCoordinates } from '../../helpers/coordinates';

const EXPECTED_FIELDS = 'the point in fields named latitude and longitude (WGS84 decimal degrees)';

const properties: INodeProperties[] = [
	mappingModeProperty(EXPECTED_FIELDS),
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
		displayOptions: definedBelow,
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
		displayOptions: definedBelow,
	},
	offersProperty,
	simplifyProperty,
	optionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['eligibility'], operation: ['checkByCoordinates'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const field = fieldReaderFor.call(this, itemIndex, EXPECTED_FIELDS);
	const point = checkCoordinates(
		nodeOf(this),
		itemIndex,
		field('latitude', 'Latitude'),
		field('longitude', 'Longitude'),
	);
	const offers = offersOf.call(this, itemIndex);
	return await checkEligibility.call(this, itemIndex, offers, { kind: 'point', ...point });
}
