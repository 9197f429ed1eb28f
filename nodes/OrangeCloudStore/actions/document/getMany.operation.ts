import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOutput } from '../../../shared/items';
import { labelOf } from '../../../shared/labels';
import { timeoutOf } from '../../../shared/options';
import { orangeApiRequestAllItems, warnAboveOutput } from '../../../shared/transport';
import { checkOption, checkOptionalPattern, invalidInput } from '../../../shared/validation';
import { DOCUMENT_TYPES, documentTypeOptions } from '../../descriptions/documentTypes';
import { contractLocator } from '../../descriptions/locators';
import { requestOptions } from '../../descriptions/requestOptions';
import { limitOf, returnAllAndLimit } from '../../descriptions/returnAllAndLimit';
import { contractIdOf } from '../../helpers/ids';
import { cloudStoreApi, DOCUMENT_LIST_KEYS, documentListRequest, PAGE_SIZE } from '../../transport';

export const option = {
	name: 'Get Many',
	value: 'getMany',
	description: "List a contract's invoices, bills and usage reports",
	action: 'Get many documents',
};

export const toolDescription =
	'Lists the documents of one Orange Business Cloud Store contract: invoices (PDF), bills (XLSX), consumption and usage reports (CSV), ' +
	"with each document's id, file name, type, billing period (YYYYMM), amount and currency. " +
	"Needs the contract reference, such as OCB0001234. The list is bounded by the node's Limit (50 unless set otherwise). To get a file, give its id to the download tool.";

export const properties: INodeProperties[] = [
	contractLocator,
	{
		displayName: 'Document Type',
		name: 'documentType',
		type: 'options',
		options: documentTypeOptions,
		default: 'all',
	},
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Period From',
				name: 'periodFrom',
				type: 'string',
				default: '',
				placeholder: '202401',
				description: 'First billing month to return, as YYYYMM',
			},
			{
				displayName: 'Period To',
				name: 'periodTo',
				type: 'string',
				default: '',
				placeholder: '202412',
				description: 'Last billing month to return, as YYYYMM',
			},
		],
	},
	requestOptions,
];

/** A document's billing month: its `period` starts with YYYYMM. */
export function periodOf(document: IDataObject): string | undefined {
	const match = /^(\d{4})-?(\d{2})/.exec(String(document.period ?? ''));
	return match ? `${match[1]}${match[2]}` : undefined;
}

/** The item's period filters, checked: undefined where not set. */
function periodsOf(context: IExecuteFunctions, itemIndex: number) {
	const node = context.getNode();
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const period = (name: string) =>
		checkOptionalPattern(node, itemIndex, labelOf(properties, name), filters[name], 'period');
	const from = period('periodFrom');
	const to = period('periodTo');
	if (from && to && from > to) {
		throw invalidInput(
			node,
			itemIndex,
			'Period From',
			`${from} is after Period To ${to} (expected a first month no later than the last)`,
			'Swap the two months, or leave one empty.',
		);
	}
	return { from, to };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const contractId = contractIdOf.call(this, itemIndex);
	const documentType = checkOption(
		this.getNode(),
		itemIndex,
		'Document Type',
		this.getNodeParameter('documentType', itemIndex, 'all'),
		['all', ...DOCUMENT_TYPES],
	);
	const limit = limitOf(this, itemIndex);
	const { from, to } = periodsOf(this, itemIndex);
	// The API has no period filter: with one, read every page and filter here, then apply the limit.
	const filtered = from !== undefined || to !== undefined;
	const documents = await orangeApiRequestAllItems.call(
		this,
		cloudStoreApi,
		documentListRequest(contractId, documentType, itemIndex, timeoutOf(this, itemIndex)),
		{
			limit: filtered ? undefined : limit,
			pageSize: PAGE_SIZE,
			listKeys: DOCUMENT_LIST_KEYS,
			onUncertainEnd: warnAboveOutput(this),
		},
	);
	const inPeriod = (document: IDataObject) => {
		const period = periodOf(document);
		return period !== undefined && (!from || period >= from) && (!to || period <= to);
	};
	const result = filtered ? documents.filter(inPeriod).slice(0, limit) : documents;
	return result.map((document) => ({ ...document, contractId }));
}
