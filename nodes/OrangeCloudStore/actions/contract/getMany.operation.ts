import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { timeoutOf } from '../../../shared/options';
import { warnAboveOutput } from '../../../shared/transport';

import { listContracts } from '../../helpers/api';
import { returnAllAndLimit, requestOptions } from '../../descriptions/locators';

const properties: INodeProperties[] = [...returnAllAndLimit(), requestOptions];

export const description = updateDisplayOptions(
	{ show: { resource: ['contract'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const contracts = await listContracts.call(
		this,
		limit,
		timeoutOf(this, itemIndex),
		warnAboveOutput(this),
	);
	return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(contracts), {
		itemData: { item: itemIndex },
	});
}
