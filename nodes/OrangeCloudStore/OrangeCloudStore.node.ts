import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as contract from './actions/contract/Contract.resource';
import * as document from './actions/document/Document.resource';
import { router } from './actions/router';
import * as user from './actions/user/User.resource';
import { searchContracts, searchDocuments } from './methods/listSearch';

export class OrangeCloudStore implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Orange Cloud Store',
		name: 'orangeCloudStore',
		icon: {
			light: 'file:../../icons/cloudStore.svg',
			dark: 'file:../../icons/cloudStore.dark.svg',
		},
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Contracts, invoices and usage reports, and users of the Orange Business Cloud Store customer space',
		defaults: { name: 'Orange Cloud Store' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'orangeCloudStoreApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Contract', value: 'contract' },
					{ name: 'Document', value: 'document' },
					{ name: 'User', value: 'user' },
				],
				default: 'document',
			},
			...contract.description,
			...document.description,
			...user.description,
		],
	};

	methods = { listSearch: { searchContracts, searchDocuments } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
