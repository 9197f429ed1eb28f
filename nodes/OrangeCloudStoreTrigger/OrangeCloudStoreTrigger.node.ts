import type {
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listContracts } from '../OrangeCloudStore/transport';
import {
	DOCUMENT_TYPE_NAMES,
	documentTypeOptions,
} from '../OrangeCloudStore/descriptions/documentTypes';
import { pollNewDocuments } from './newDocuments';

/** The canvas subtitle's words: "New invoice", not the API's "New comsumptionRatedReports". */
const SUBTITLE_NAMES = Object.fromEntries(
	Object.entries(DOCUMENT_TYPE_NAMES).map(([type, name]) => [type, name.toLowerCase()]),
);

export class OrangeCloudStoreTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Orange Cloud Store Trigger',
		name: 'orangeCloudStoreTrigger',
		icon: {
			light: 'file:../../icons/cloudStore.svg',
			dark: 'file:../../icons/cloudStore.dark.svg',
		},
		// A page of its own: n8n appends ?utm_… to a codex link, which would break an #anchor.
		documentationUrl:
			'https://github.com/n8n-nodes-orange/n8n-nodes-orange/blob/main/docs/orange-cloud-store-trigger.md',
		group: ['trigger'],
		version: 1,
		subtitle: `={{"New " + (${JSON.stringify(SUBTITLE_NAMES)}[$parameter["documentType"]] ?? "document")}}`,
		description:
			'Starts the workflow when Orange Cloud Store publishes a new invoice, bill or usage report',
		defaults: { name: 'Orange Cloud Store Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'orangeCloudStoreApi', required: true }],
		properties: [
			{
				displayName:
					'The first activation records the documents that exist and emits none: only documents published after it start the workflow. Orange publishes invoices once a month: polling once a day is plenty.',
				name: 'firstActivationNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'New Document',
						value: 'newDocument',
						description: 'A document (invoice, bill, report…) appears on a watched contract',
					},
				],
				default: 'newDocument',
			},
			{
				displayName: 'Contracts to Watch',
				name: 'contractScope',
				type: 'options',
				options: [
					{
						name: 'All Contracts',
						value: 'all',
						description: 'Every contract the API key sees, new ones included',
					},
					{
						name: 'Selected Contracts',
						value: 'selected',
						description: 'Only the contracts chosen below',
					},
				],
				default: 'all',
			},
			{
				displayName: 'Contract Names or IDs',
				name: 'contractIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getContracts' },
				default: [],
				required: true,
				description:
					'The contracts to watch. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: { show: { contractScope: ['selected'] } },
			},
			{
				displayName: 'Document Type',
				name: 'documentType',
				type: 'options',
				options: documentTypeOptions,
				default: 'invoices',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Attach File',
						name: 'attachFile',
						type: 'boolean',
						default: false,
						description:
							'Whether to download each new document and attach its file as binary data, for Google Drive, S3 or Send Email',
					},
					{
						displayName: 'Put File in Field',
						name: 'binaryPropertyName',
						type: 'string',
						default: 'data',
						description: 'The binary field the file goes in',
						displayOptions: { show: { attachFile: [true] } },
					},
				],
			},
		],
	};

	methods = {
		loadOptions: {
			async getContracts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const contracts = await listContracts.call(this, undefined, undefined, () => {});
				return contracts.map((contract) => ({
					name: `${String(contract.name ?? contract.id)} (${String(contract.id)})`,
					value: String(contract.id),
				}));
			},
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollNewDocuments.call(this);
	}
}
