import type { INodeProperties } from 'n8n-workflow';

import { nodeOf } from '../../../shared/items';
import { checkOperationProperties } from '../../descriptions/options';
import { checkExecute } from '../../helpers/check';
import { checkTextAddress } from '../../helpers/inputs';

const EXPECTED_FIELDS = 'the postal address as one line in a field named address';

export const option = {
	name: 'Check by Text Address',
	value: 'checkByTextAddress',
	description: 'Check the Optimum offers at a postal address written as one line',
	action: 'Check eligibility of a text address',
};

export const properties: INodeProperties[] = checkOperationProperties(EXPECTED_FIELDS, [
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		required: true,
		placeholder: '12 bis rue de Vaugirard, 75015 Paris',
		description:
			'The postal address as one line, as a CRM holds it: number, street, postcode and city. Orange normalises it.',
	},
]);

export const execute = checkExecute(EXPECTED_FIELDS, (context, itemIndex, field) => ({
	kind: 'text',
	address: checkTextAddress(nodeOf(context), itemIndex, field('address', 'Address')),
}));
