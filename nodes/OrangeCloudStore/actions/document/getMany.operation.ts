import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { timeoutOf } from '../../../shared/options';

import { orangeApiRequestAllItems, warnAboveOutput } from '../../../shared/transport';
import { checkOption, checkPeriod, invalidInput } from '../../../shared/validation';
import {
	cloudStoreApi,
	contractIdOf,
	DOCUMENT_LIST_KEYS,
	documentListRequest,
	PAGE_SIZE,
} from '../../helpers/api';
import { contractLocator, returnAllAndLimit, requestOptions } from '../../descriptions/locators';
import { DOCUMENT_TYPES, documentTypeOptions } from '../../descriptions/documentTypes';

const properties: INodeProperties[] = [
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

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['getMany'] } },
	properties,
);

/** A document's billing month: its `period` starts with YYYYMM. */
export function periodOf(document: IDataObject): string | undefined {
	const match = /^(\d{4})-?(\d{2})/.exec(String(document.period ?? ''));
	return match ? `${match[1]}${match[2]}` : undefined;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const contractId = contractIdOf.call(this, itemIndex);
	const documentType = checkOption(
		node,
		itemIndex,
		'Document Type',
		this.getNodeParameter('documentType', itemIndex, 'all'),
		['all', ...DOCUMENT_TYPES],
	);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const from = checkPeriod(node, itemIndex, 'Period From', filters.periodFrom);
	const to = checkPeriod(node, itemIndex, 'Period To', filters.periodTo);
	if (from && to && from > to) {
		throw invalidInput(node, itemIndex, 'Period From', `${from} is after Period To ${to}`);
	}

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
	let result = documents;
	if (filtered) {
		result = documents.filter((document) => {
			const period = periodOf(document);
			return period !== undefined && (!from || period >= from) && (!to || period <= to);
		});
		if (limit !== undefined) result = result.slice(0, limit);
	}
	return this.helpers.constructExecutionMetaData(
		this.helpers.returnJsonArray(result.map((document) => ({ ...document, contractId }))),
		{ itemData: { item: itemIndex } },
	);
}
