import type { INodeProperties } from 'n8n-workflow';

import * as download from './download.operation';
import * as getMany from './getMany.operation';

export { download, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['document'] } },
		options: [
			{
				name: 'Download',
				value: 'download',
				description: 'Download a document as a file',
				action: 'Download a document',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: "List a contract's invoices, bills and usage reports",
				action: 'Get many documents',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...download.description,
];
