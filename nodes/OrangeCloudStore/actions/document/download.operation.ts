import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOutput } from '../../../shared/items';
import { FileItem } from '../../../shared/items';
import { timeoutOf } from '../../../shared/options';
import { checkPattern } from '../../../shared/validation';
import { documentTypeOptions } from '../../descriptions/documentTypes';
import { contractLocator, documentLocator } from '../../descriptions/locators';
import { requestOptions } from '../../descriptions/requestOptions';
import { contractIdOf, documentIdOf } from '../../helpers/ids';
import { downloadDocument } from '../../transport';

export const option = {
	name: 'Download',
	value: 'download',
	description: 'Download a document as a file',
	action: 'Download a document',
};

export const toolDescription =
	'Downloads one document (an invoice, a bill or a report) of an Orange Business Cloud Store contract. ' +
	"Needs the contract reference, such as OCB0001234, and the document's id, as the documents list gives it. " +
	"Answers the file's name, type and size in bytes; its content is not given to you (n8n passes no file to a model), so tell the user what was found and where to get it.";

export const properties: INodeProperties[] = [
	contractLocator,
	{
		displayName: 'Document Type',
		name: 'documentType',
		type: 'options',
		options: documentTypeOptions,
		default: 'all',
		description:
			'Narrows the Document list below to one type of document. The download does not depend on it.',
		// Only the editor's list reads it: nothing a model would fill.
		displayOptions: { hide: { '@tool': [true] } },
	},
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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const contractId = contractIdOf.call(this, itemIndex);
	const documentId = documentIdOf.call(this, itemIndex);
	const binaryPropertyName = checkPattern(
		this.getNode(),
		itemIndex,
		'Put Output File in Field',
		this.getNodeParameter('binaryPropertyName', itemIndex, 'data'),
		'binaryPropertyName',
	);
	const timeout = timeoutOf(this, itemIndex);
	const file = await downloadDocument.call(this, contractId, documentId, itemIndex, timeout);
	const { fileName, mimeType, bytes: fileSize } = file;
	return new FileItem(
		{ contractId, documentId, fileName, mimeType, fileSize },
		{ [binaryPropertyName]: file },
	);
}
