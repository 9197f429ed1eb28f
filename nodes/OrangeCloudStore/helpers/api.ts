import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import type { OrangeApi } from '../../shared/gateway';
import type { OrangeContext, OrangeRequest } from '../../shared/transport';
import { orangeApiRequestAllItems } from '../../shared/transport';
import { invalidInput, quote, requireText } from '../../shared/validation';

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

// Contract references look like OCB0001234; other prefixes exist, so only the shape is checked.
const CONTRACT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$/;
const DOCUMENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function checkContractId(node: INode, itemIndex: number, value: unknown): string {
	const id = requireText(node, itemIndex, 'Contract', value, { maxLength: 40 });
	if (!CONTRACT_ID.test(id)) {
		throw invalidInput(
			node,
			itemIndex,
			'Contract',
			`${quote(id)} is not a Cloud Store contract reference`,
			'A contract reference is letters and digits, such as OCB0001234. Pick the contract from the list to be sure.',
		);
	}
	return id;
}

export function checkDocumentId(node: INode, itemIndex: number, value: unknown): string {
	const id = requireText(node, itemIndex, 'Document', value, { maxLength: 128 });
	if (!DOCUMENT_ID.test(id) || id.includes('..')) {
		throw invalidInput(
			node,
			itemIndex,
			'Document',
			`${quote(id)} is not a Cloud Store document ID`,
			'Use the "id" of a document from "Get Many Documents", or pick it from the list.',
		);
	}
	return id;
}

/** The contract chosen in the item's "Contract" resource locator, checked. */
export function contractIdOf(this: IExecuteFunctions, itemIndex: number): string {
	const value = this.getNodeParameter('contractId', itemIndex, '', { extractValue: true });
	return checkContractId(this.getNode(), itemIndex, value);
}

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
