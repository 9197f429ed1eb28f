import type { INodeProperties } from 'n8n-workflow';

import * as checkByAddress from './checkByAddress.operation';
import * as checkByNd from './checkByNd.operation';

export { checkByAddress, checkByNd };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['eligibility'] } },
		options: [
			{
				name: 'Check by Address',
				value: 'checkByAddress',
				description: 'Check the Optimum offers at an address or a building',
				action: 'Check eligibility of an address',
			},
			{
				name: 'Check by ND',
				value: 'checkByNd',
				description: 'Check the Optimum offers on a line number (ND)',
				action: 'Check eligibility of a line number',
			},
		],
		default: 'checkByAddress',
	},
	...checkByAddress.description,
	...checkByNd.description,
];
