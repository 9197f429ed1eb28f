import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';

export { add };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description: 'Give a person access to a contract',
				action: 'Add a user to a contract',
			},
		],
		default: 'add',
	},
	...add.description,
];
