import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOutput } from '../../../shared/items';
import { timeoutOf } from '../../../shared/options';
import { orangeApiRequest } from '../../../shared/transport';
import { contractLocator } from '../../descriptions/locators';
import { requestOptions } from '../../descriptions/requestOptions';
import { contractIdOf } from '../../helpers/ids';
import { cloudStoreApi, CONTRACT_HEADER } from '../../transport';

export const option = {
	name: 'Get',
	value: 'get',
	description: "Get a contract's details",
	action: 'Get a contract',
};

export const toolDescription =
	"Gets one Orange Business Cloud Store contract's details (name, offer, customer, contact, dates) from its reference, such as OCB0001234.";

export const properties: INodeProperties[] = [contractLocator, requestOptions];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const contractId = contractIdOf.call(this, itemIndex);
	return (await orangeApiRequest.call(this, cloudStoreApi, {
		method: 'GET',
		path: '/contract',
		headers: { [CONTRACT_HEADER]: contractId },
		itemIndex,
		timeout: timeoutOf(this, itemIndex),
	})) as IDataObject;
}
