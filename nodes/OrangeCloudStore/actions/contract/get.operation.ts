import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { timeoutOf } from '../../../shared/options';

import { orangeApiRequest } from '../../../shared/transport';
import { cloudStoreApi, CONTRACT_HEADER, contractIdOf } from '../../helpers/api';
import { contractLocator, requestOptions } from '../../descriptions/locators';

const properties: INodeProperties[] = [contractLocator, requestOptions];

export const description = updateDisplayOptions(
	{ show: { resource: ['contract'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const contractId = contractIdOf.call(this, itemIndex);
	const contract = await orangeApiRequest.call(this, cloudStoreApi, {
		method: 'GET',
		path: '/contract',
		headers: { [CONTRACT_HEADER]: contractId },
		itemIndex,
		timeout: timeoutOf(this, itemIndex),
	});
	return this.helpers.constructExecutionMetaData(
		this.helpers.returnJsonArray(contract as IDataObject),
		{
			itemData: { item: itemIndex },
		},
	);
}
