import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { offersProperty, optionsProperty, simplifyProperty } from '../../descriptions/options';
import { checkEligibility, offersOf } from '../../helpers/check';
import { checkNd } from '../../helpers/inputs';

const properties: INodeProperties[] = [
	{
		displayName: 'ND (Numéro De Désignation)',
		name: 'nd',
		type: 'string',
		default: '',
		required: true,
		placeholder: '01 42 00 00 01',
		description: 'The line number: 10 digits starting with 0; spaces, dots and +33 are accepted',
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
	const nd = checkNd(this.getNode(), itemIndex, this.getNodeParameter('nd', itemIndex, ''));
	const offers = offersOf.call(this, itemIndex);
	return await checkEligibility.call(this, itemIndex, offers, { nd });
}
