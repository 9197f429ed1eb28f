import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { create, get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contract'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Subscribe a new contract',
				action: 'Create a contract',
			},
			{
				name: 'Get',
				value: 'get',
				description: "Get a contract's details",
				action: 'Get a contract',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the contracts the API key can see',
				action: 'Get many contracts',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...get.description,
	...create.description,
];
