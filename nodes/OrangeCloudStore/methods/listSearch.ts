import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { orangeApiRequestAllItems } from '../../shared/transport';
import {
	checkContractId,
	cloudStoreApi,
	DOCUMENT_LIST_KEYS,
	documentListRequest,
	listContracts,
	PAGE_SIZE,
} from '../helpers/api';

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

export async function searchDocuments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const contractId = checkContractId(
		this.getNode(),
		0,
		this.getNodeParameter('contractId', undefined, { extractValue: true }),
	);
	const documents = await orangeApiRequestAllItems.call(
		this,
		cloudStoreApi,
		documentListRequest(contractId, 'all'),
		{
			limit: MAX_RESULTS,
			pageSize: PAGE_SIZE,
			listKeys: DOCUMENT_LIST_KEYS,
			onUncertainEnd: () => {},
		},
	);
	return {
		results: documents
			.filter((d) => matches(filter, d.id, d.filename, d.period, d.documentType))
			.map((d) => ({
				name: `${String(d.filename ?? d.id)} — ${String(d.documentType ?? '')} ${String(d.period ?? '')}`.trim(),
				value: String(d.id),
			})),
	};
}
