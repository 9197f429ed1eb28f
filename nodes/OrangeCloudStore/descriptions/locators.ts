import type { INodeProperties } from 'n8n-workflow';

export const contractLocator: INodeProperties = {
	displayName: 'Contract',
	name: 'contractId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Cloud Store contract (its reference, such as OCB0001234)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchContracts', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. OCB0001234',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[A-Za-z0-9][A-Za-z0-9_-]{2,39}\\s*$',
						errorMessage: 'A contract reference is letters and digits, such as OCB0001234',
					},
				},
			],
		},
	],
};

export const documentLocator: INodeProperties = {
	displayName: 'Document',
	name: 'documentId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The document to download: pick it from the list (newest first), or give the ID of a document from Get Many Documents',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchDocuments', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 6f1c2a9e-3b1d-4c0e-9a57-2b1f0a4c7e11',
		},
	],
};
