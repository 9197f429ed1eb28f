import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { nodeOf } from '../../../shared/items';
import { checkOperationProperties } from '../../descriptions/options';
import { checkEligibility, fieldReaderFor } from '../../helpers/check';
import { checkTextAddress } from '../../helpers/inputs';

const EXPECTED_FIELDS = 'the postal address as one line in a field named address';

export const description = checkOperationProperties('checkByTextAddress', EXPECTED_FIELDS, [
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

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const field = fieldReaderFor.call(this, itemIndex, EXPECTED_FIELDS);
	const address = checkTextAddress(nodeOf(this), itemIndex, field('address', 'Address'));
	return await checkEligibility.call(this, itemIndex, { kind: 'text', address });
}
