import type { INodeProperties } from 'n8n-workflow';

import { nodeOf } from '../../../shared/items';
import type { InputField } from '../../descriptions/options';
import { checkOperationProperties } from '../../descriptions/options';
import { checkExecute } from '../../helpers/check';
import { checkTextAddress } from '../../helpers/inputs';
import { checkToolDescription } from '../../descriptions/toolDescription';

const INPUT_FIELDS: InputField[] = [{ name: 'address', holds: 'the postal address on one line' }];

export const option = {
	name: 'Check Address',
	value: 'checkByTextAddress',
	description: 'Check the Optimum offers at a postal address written on one line',
	action: 'Check eligibility of a postal address',
};

export const toolDescription = checkToolDescription(
	'a French postal address',
	'Needs the address on one line: number, street, postcode and city, such as "12 bis rue de Vaugirard, 75015 Paris".',
);

export const properties: INodeProperties[] = checkOperationProperties(INPUT_FIELDS, [
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 12 bis rue de Vaugirard, 75015 Paris',
		description:
			'The postal address on one line, as a CRM holds it: number, street, postcode and city. Orange normalises it.',
	},
]);

export const execute = checkExecute(INPUT_FIELDS, (context, itemIndex, field) => ({
	kind: 'text',
	address: checkTextAddress(nodeOf(context), itemIndex, field('address', 'Address')),
}));
