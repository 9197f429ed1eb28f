import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { orangeApiRequestAllItems } from '../../shared/transport';
import { DOCUMENT_TYPES } from '../descriptions/documentTypes';
import { documentLabel } from '../helpers/documentLabel';
import { checkContractId } from '../helpers/ids';
import {
	cloudStoreApi,
	DOCUMENT_LIST_KEYS,
	documentListRequest,
	listContracts,
	PAGE_SIZE,
} from '../transport';

const MAX_RESULTS = 500;

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
}

export async function searchContracts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	// A picker shows what it could read: a list cut by an API that ignores `offset` is no failure here.
	const contracts = await listContracts.call(this, MAX_RESULTS, undefined, () => {});
	return {
		results: contracts
			.filter((c) => matches(filter, c.id, c.name, (c.offer as IDataObject | undefined)?.name))
			.map((c) => {
				const offer = (c.offer as IDataObject | undefined)?.name;
				return {
					name: `${String(c.name ?? c.id)}${offer ? ` — ${String(offer)}` : ''} (${String(c.id)})`,
					value: String(c.id),
				};
			}),
	};
}

/** The contract picked above the Document list: a friendly word when none is, not a validation error. */
function chosenContract(context: ILoadOptionsFunctions): string {
	const value = context.getNodeParameter('contractId', undefined, { extractValue: true });
	if (typeof value !== 'string' || value.trim() === '') {
		throw new NodeOperationError(context.getNode(), 'Choose a contract first', {
			description: 'The list shows the documents of the contract chosen in the Contract field.',
		});
	}
	return checkContractId(context.getNode(), 0, value);
}

/** Newest first: by billing period, then by publication date. */
function newestFirst(a: IDataObject, b: IDataObject): number {
	const key = (d: IDataObject) => `${String(d.period ?? '')}|${String(d.createdAt ?? '')}`;
	return key(b).localeCompare(key(a));
}

export async function searchDocuments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const contractId = chosenContract(this);
	const chosenType = this.getNodeParameter('documentType', 'all');
	const documentType = (DOCUMENT_TYPES as readonly unknown[]).includes(chosenType)
		? (chosenType as string)
		: 'all';
	const documents = await orangeApiRequestAllItems.call(
		this,
		cloudStoreApi,
		documentListRequest(contractId, documentType),
		{
			limit: MAX_RESULTS,
			pageSize: PAGE_SIZE,
			listKeys: DOCUMENT_LIST_KEYS,
			onUncertainEnd: () => {},
		},
	);
	return {
		results: documents
			.map((document) => ({ document, name: documentLabel(document) }))
			.filter(({ document: d, name }) => matches(filter, name, d.id, d.filename, d.period))
			.sort((a, b) => newestFirst(a.document, b.document))
			.map(({ document, name }) => ({ name, value: String(document.id) })),
	};
}
