import type { INodeProperties } from 'n8n-workflow';

import { nodeOf } from '../../../shared/items';
import { checkOperationProperties } from '../../descriptions/options';
import { checkExecute } from '../../helpers/check';
import { checkNd, checkNdStatus } from '../../helpers/inputs';

const EXPECTED_FIELDS = 'the line number in a field named nd (and ndStatus, if not active)';

export const option = {
	name: 'Check by ND',
	value: 'checkByNd',
	description: 'Check the Optimum offers on a line number (ND)',
	action: 'Check eligibility of a line number',
};

export const properties: INodeProperties[] = checkOperationProperties(EXPECTED_FIELDS, [
	{
		displayName: 'ND (Numéro De Désignation)',
		name: 'nd',
		type: 'string',
		default: '',
		required: true,
		placeholder: '01 42 00 00 01',
		description: 'The line number: 10 digits starting with 0; spaces, dots and +33 are accepted',
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
	},
]);

export const execute = checkExecute(EXPECTED_FIELDS, (context, itemIndex, field) => ({
	kind: 'line',
	nd: checkNd(nodeOf(context), itemIndex, field('nd', 'ND')),
	ndStatus: checkNdStatus(nodeOf(context), itemIndex, field('ndStatus', 'ND Status', true)),
}));
