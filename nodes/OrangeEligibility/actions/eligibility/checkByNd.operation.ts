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
import { checkNd, checkNdStatus } from '../../helpers/inputs';

const EXPECTED_FIELDS = 'the line number in a field named nd (and ndStatus, if not active)';

const properties: INodeProperties[] = [
	mappingModeProperty(EXPECTED_FIELDS),
	{
		displayName: 'ND (Numéro De Désignation)',
		name: 'nd',
		type: 'string',
		default: '',
		required: true,
		placeholder: '01 42 00 00 01',
		description: 'The line number: 10 digits starting with 0; spaces, dots and +33 are accepted',
		displayOptions: definedBelow,
	},
	{
		displayName: 'ND Status',
		name: 'ndStatus',
		type: 'options',
		options: [
			{ name: 'Active', value: 'active', description: 'A line in service' },
			{
				name: 'Inactive',
				value: 'inactive',
				description: "A line no longer in service (a former subscriber's number)",
			},
		],
		default: 'active',
		description: 'Whether the line is still in service',
		displayOptions: definedBelow,
	},
	offersProperty,
	simplifyProperty,
	optionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['eligibility'], operation: ['checkByNd'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const field = fieldReaderFor.call(this, itemIndex, EXPECTED_FIELDS);
	const nd = checkNd(nodeOf(this), itemIndex, field('nd', 'ND'));
	const ndStatus = checkNdStatus(nodeOf(this), itemIndex, field('ndStatus', 'ND Status', true));
	const offers = offersOf.call(this, itemIndex);
	return await checkEligibility.call(this, itemIndex, offers, { kind: 'line', nd, ndStatus });
}
