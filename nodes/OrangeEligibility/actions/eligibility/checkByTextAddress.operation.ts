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
import { checkTextAddress } from '../../helpers/inputs';

const EXPECTED_FIELDS = 'the postal address as one line in a field named address';

const properties: INodeProperties[] = [
	mappingModeProperty(EXPECTED_FIELDS),
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		required: true,
		placeholder: '12 bis rue de Vaugirard, 75015 Paris',
		description:
			'The postal address as one line, as a CRM holds it: number, street, postcode and city. Orange normalises it.',
		displayOptions: definedBelow,
	},
	offersProperty,
	simplifyProperty,
	optionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['eligibility'], operation: ['checkByTextAddress'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const field = fieldReaderFor.call(this, itemIndex, EXPECTED_FIELDS);
	const address = checkTextAddress(nodeOf(this), itemIndex, field('address', 'Address'));
	const offers = offersOf.call(this, itemIndex);
	return await checkEligibility.call(this, itemIndex, offers, { kind: 'text', address });
}
