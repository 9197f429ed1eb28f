import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOutput } from '../../../shared/items';
import { timeoutOf } from '../../../shared/options';
import { warnAboveOutput } from '../../../shared/transport';
import { requestOptions } from '../../descriptions/requestOptions';
import { limitOf, returnAllAndLimit } from '../../descriptions/returnAllAndLimit';
import { listContracts } from '../../transport';

export const option = {
	name: 'Get Many',
	value: 'getMany',
	description: 'List the contracts the API key can see',
	action: 'Get many contracts',
};

export const toolDescription =
	"Lists the Orange Business Cloud Store contracts the API key can see, with each contract's reference (its id, such as OCB0001234), name, offer and dates. " +
	"The other Cloud Store tools need a contract reference: find it here. The list is bounded by the node's Limit (50 unless set otherwise).";

export const properties: INodeProperties[] = [...returnAllAndLimit(), requestOptions];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const timeout = timeoutOf(this, itemIndex);
	return await listContracts.call(this, limitOf(this, itemIndex), timeout, warnAboveOutput(this));
}
