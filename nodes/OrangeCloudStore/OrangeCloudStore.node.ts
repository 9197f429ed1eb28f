import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties, routerFor, subtitleFor } from '../shared/resources';
import { contract } from './actions/contract/Contract.resource';
import { document } from './actions/document/Document.resource';
import { user } from './actions/user/User.resource';
import { searchContracts, searchDocuments } from './methods/listSearch';

const resources = [contract, document, user];

// One item at a time: creating contracts or users in parallel would make their order, and a
// failure's consequences, hard to follow.
const router = routerFor(resources);

export class OrangeCloudStore implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Orange Cloud Store',
		name: 'orangeCloudStore',
		icon: {
			light: 'file:../../icons/cloudStore.svg',
			dark: 'file:../../icons/cloudStore.dark.svg',
		},
		// A page of its own: n8n appends ?utm_… to a codex link, which would break an #anchor.
		documentationUrl:
			'https://github.com/n8n-nodes-orange/n8n-nodes-orange/blob/main/docs/orange-cloud-store.md',
		group: ['input'],
		version: 1,
		subtitle: subtitleFor(resources),
		description:
			'Contracts, invoices and usage reports, and users of the Orange Business Cloud Store customer space',
		defaults: { name: 'Orange Cloud Store' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'orangeCloudStoreApi', required: true }],
		properties: nodeProperties(resources, 'document'),
	};

	methods = { listSearch: { searchContracts, searchDocuments } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
