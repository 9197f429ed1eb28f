import type { IBinaryData, IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import { orangeApiDownload, pathSegment } from '../../shared/transport';
import { cloudStoreApi, CONTRACT_HEADER } from './api';

const EXTENSIONS: Record<string, string> = {
	'application/pdf': 'pdf',
	'text/csv': 'csv',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
	'application/zip': 'zip',
};

/** Downloads a document's file as n8n binary data, streamed, with Orange's file name and MIME type. */
export async function downloadDocument(
	this: IExecuteFunctions | IPollFunctions,
	contractId: string,
	documentId: string,
	itemIndex?: number,
	timeout?: number,
): Promise<IBinaryData> {
	const file = await orangeApiDownload.call(this, cloudStoreApi, {
		method: 'GET',
		path: `/documents/${pathSegment(documentId)}/file`,
		headers: { [CONTRACT_HEADER]: contractId },
		itemIndex,
		timeout,
	});
	const mimeType = file.mimeType ?? 'application/octet-stream';
	const fileName = file.fileName ?? `${documentId}.${EXTENSIONS[mimeType] ?? 'bin'}`;
	const binary = await this.helpers.prepareBinaryData(
		file.body as Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0],
		fileName,
		mimeType,
	);
	binary.bytes ??= file.size;
	return binary;
}
