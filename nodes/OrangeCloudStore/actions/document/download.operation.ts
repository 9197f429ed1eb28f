import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { orangeApiDownload, pathSegment } from '../../../shared/transport';
import { checkBinaryPropertyName } from '../../../shared/validation';
import { checkDocumentId, cloudStoreApi, CONTRACT_HEADER, contractIdOf } from '../../helpers/api';
import { contractLocator, documentLocator } from '../../descriptions/locators';

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
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['download'] } },
	properties,
);

const EXTENSIONS: Record<string, string> = {
	'application/pdf': 'pdf',
	'text/csv': 'csv',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
	'application/zip': 'zip',
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
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

	const file = await orangeApiDownload.call(this, cloudStoreApi, {
		method: 'GET',
		path: `/documents/${pathSegment(documentId)}/file`,
		headers: { [CONTRACT_HEADER]: contractId },
		itemIndex,
	});
	const mimeType = file.mimeType ?? 'application/octet-stream';
	const fileName = file.fileName ?? `${documentId}.${EXTENSIONS[mimeType] ?? 'bin'}`;
	const binary = await this.helpers.prepareBinaryData(
		file.body as Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0],
		fileName,
		mimeType,
	);

	return [
		{
			json: {
				contractId,
				documentId,
				fileName: binary.fileName ?? fileName,
				mimeType: binary.mimeType,
				fileSize: binary.bytes ?? file.size,
			},
			binary: { [binaryPropertyName]: binary },
			pairedItem: { item: itemIndex },
		},
	];
}
