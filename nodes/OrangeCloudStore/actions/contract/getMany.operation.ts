import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { orangeApiRequestAllItems } from '../../../shared/transport';
import { cloudStoreApi, CONTRACT_LIST_KEYS, PAGE_SIZE } from '../../helpers/api';
import { returnAllAndLimit } from '../../descriptions/locators';

const properties: INodeProperties[] = [...returnAllAndLimit()];

export const description = updateDisplayOptions(
	{ show: { resource: ['contract'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const contracts = await orangeApiRequestAllItems.call(
		this,
		cloudStoreApi,
		{ method: 'GET', path: '/contracts', itemIndex },
		{ limit, pageSize: PAGE_SIZE, listKeys: CONTRACT_LIST_KEYS },
	);
	return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(contracts), {
		itemData: { item: itemIndex },
	});
}
