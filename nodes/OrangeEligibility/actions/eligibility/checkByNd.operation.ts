import type { INodeProperties } from 'n8n-workflow';

import { nodeOf } from '../../../shared/items';
import type { InputField } from '../../descriptions/options';
import { checkOperationProperties } from '../../descriptions/options';
import { checkExecute } from '../../helpers/check';
import { checkNd, checkNdStatus, ND_LABEL } from '../../helpers/inputs';
import { checkToolDescription } from '../../descriptions/toolDescription';

const INPUT_FIELDS: InputField[] = [
	{ name: 'nd', holds: 'the line number' },
	{ name: 'ndStatus', holds: '"active" or "inactive"', optional: true },
];

export const option = {
	name: 'Check Line Number (ND)',
	value: 'checkByNd',
	description: "Check the Optimum offers at a phone line's address, from its number (ND)",
	action: 'Check eligibility of a line number (ND)',
};

export const toolDescription = checkToolDescription(
	"a French fixed line's address",
	'Needs the line number (ND): 10 digits starting with 0, such as 01 42 00 00 01.',
);

export const properties: INodeProperties[] = checkOperationProperties(INPUT_FIELDS, [
	{
		// Plain words: n8n makes a model's parameter name of it ("Line_Number").
		displayName: ND_LABEL,
		name: 'nd',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 01 42 00 00 01',
		description:
			'The ND (numéro de désignation) of a fixed line: 10 digits starting with 0. Spaces, dots, dashes and +33 are accepted.',
	},
	{
		displayName: 'Line Status',
		name: 'ndStatus',
		type: 'options',
		options: [
			{ name: 'In Service', value: 'active', description: 'A line in use today' },
			{
				name: 'No Longer in Service',
				value: 'inactive',
				description: "A former subscriber's line: Orange finds its last address",
			},
		],
		default: 'active',
		description: 'Whether the line is still in service',
	},
]);

export const execute = checkExecute(INPUT_FIELDS, (context, itemIndex, field) => ({
	kind: 'line',
	nd: checkNd(nodeOf(context), itemIndex, field('nd', ND_LABEL)),
	ndStatus: checkNdStatus(nodeOf(context), itemIndex, field('ndStatus', 'Line Status', true)),
}));
