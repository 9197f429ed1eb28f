/**
 * The Cloud Store Customer Space API as the node, its list searches and the trigger call it:
 * its descriptor (credential, base path), the contract header, its lists and its files. Every
 * call goes through the shared gateway transport (`../shared/transport`).
 */
import type { IBinaryData, IDataObject, IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import type { OrangeApi } from '../shared/gateway';
import type { OrangeContext, OrangeRequest } from '../shared/transport';
import { orangeApiDownload, orangeApiRequestAllItems, pathSegment } from '../shared/transport';

export const cloudStoreApi: OrangeApi = {
	credentialType: 'orangeCloudStoreApi',
	basePath: '/cloud/b2b/v1',
	label: 'Orange Cloud Store',
};

/** The header that scopes a call to one contract. */
export const CONTRACT_HEADER = 'X-ECCS-Contract-Id';

/** Lists are read in pages of this size. */
export const PAGE_SIZE = 100;

/** Keys under which the API may wrap a list instead of answering a bare array. */
export const CONTRACT_LIST_KEYS = ['contracts', 'data', 'items'];
export const DOCUMENT_LIST_KEYS = ['documents', 'data', 'items'];

/** The request listing a contract's documents, of one type or all ('all' is not a value the API knows). */
export function documentListRequest(
	contractId: string,
	documentType: string,
	itemIndex?: number,
	timeout?: number,
): OrangeRequest {
	return {
		timeout,
		method: 'GET',
		path: '/documents',
		qs: documentType === 'all' ? {} : { documentType },
		headers: { [CONTRACT_HEADER]: contractId },
		itemIndex,
	};
}

/** The contracts the API key sees. */
export async function listContracts(
	this: OrangeContext,
	limit?: number,
	timeout?: number,
	onUncertainEnd?: (message: string) => void,
): Promise<IDataObject[]> {
	return await orangeApiRequestAllItems.call(
		this,
		cloudStoreApi,
		{ method: 'GET', path: '/contracts', timeout },
		{ limit, pageSize: PAGE_SIZE, listKeys: CONTRACT_LIST_KEYS, onUncertainEnd },
	);
}

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
