import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { timeoutOf } from '../../../shared/options';

import { checkBinaryPropertyName } from '../../../shared/validation';
import { checkDocumentId, contractIdOf } from '../../helpers/api';
import { downloadDocument } from '../../helpers/documents';
import { contractLocator, documentLocator, requestOptions } from '../../descriptions/locators';

const properties: INodeProperties[] = [
	contractLocator,
	documentLocator,
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
	},
	requestOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['download'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const contractId = contractIdOf.call(this, itemIndex);
	const documentId = checkDocumentId(
		node,
		itemIndex,
		this.getNodeParameter('documentId', itemIndex, '', { extractValue: true }),
	);
	const binaryPropertyName = checkBinaryPropertyName(
		node,
		itemIndex,
		'Put Output File in Field',
		this.getNodeParameter('binaryPropertyName', itemIndex, 'data'),
	);

	const binary = await downloadDocument.call(
		this,
		contractId,
		documentId,
		itemIndex,
		timeoutOf(this, itemIndex),
	);

	return [
		{
			json: {
				contractId,
				documentId,
				fileName: binary.fileName,
				mimeType: binary.mimeType,
				fileSize: binary.bytes,
			},
			binary: { [binaryPropertyName]: binary },
			pairedItem: { item: itemIndex },
		},
	];
}
