import type { INodeProperties } from 'n8n-workflow';

import * as checkByAddress from './checkByAddress.operation';
import * as checkByCoordinates from './checkByCoordinates.operation';
import * as checkByNd from './checkByNd.operation';
import * as checkByTextAddress from './checkByTextAddress.operation';

export { checkByAddress, checkByCoordinates, checkByNd, checkByTextAddress };

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
				name: 'Check by Coordinates',
				value: 'checkByCoordinates',
				description: 'Check the Optimum offers at a GPS point (WGS84 latitude and longitude)',
				action: 'Check eligibility at GPS coordinates',
			},
			{
				name: 'Check by ND',
				value: 'checkByNd',
				description: 'Check the Optimum offers on a line number (ND)',
				action: 'Check eligibility of a line number',
			},
			{
				name: 'Check by Text Address',
				value: 'checkByTextAddress',
				description: 'Check the Optimum offers at a postal address written as one line',
				action: 'Check eligibility of a text address',
			},
		],
		default: 'checkByAddress',
	},
	...checkByAddress.description,
	...checkByNd.description,
	...checkByTextAddress.description,
	...checkByCoordinates.description,
];
