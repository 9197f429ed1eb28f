import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/items';
import { runForEachItem, selectedOperation } from '../../shared/items';
import { DEFAULT_CONCURRENCY } from '../descriptions/options';
import * as eligibility from './eligibility/Eligibility.resource';

const operations: Record<string, Record<string, ItemOperation>> = {
	eligibility: {
		checkByAddress: eligibility.checkByAddress.execute,
		checkByNd: eligibility.checkByNd.execute,
		checkByTextAddress: eligibility.checkByTextAddress.execute,
		checkByCoordinates: eligibility.checkByCoordinates.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const execute = selectedOperation.call(this, operations);
	// Checks change nothing at Orange, so items may run in parallel; output keeps the input order.
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const concurrency = Math.max(
		1,
		Math.min(32, Math.floor(Number(options.concurrency ?? DEFAULT_CONCURRENCY)) || 1),
	);
	return [await runForEachItem.call(this, execute, { concurrency })];
}
