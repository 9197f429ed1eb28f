import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/items';
import { runForEachItem, selectedOperation } from '../../shared/items';
import * as contract from './contract/Contract.resource';
import * as document from './document/Document.resource';
import * as user from './user/User.resource';

const operations: Record<string, Record<string, ItemOperation>> = {
	contract: {
		create: contract.create.execute,
		get: contract.get.execute,
		getMany: contract.getMany.execute,
	},
	document: { download: document.download.execute, getMany: document.getMany.execute },
	user: { add: user.add.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const execute = selectedOperation.call(this, operations);
	// One item at a time: creating contracts or users in parallel would make their order, and a
	// failure's consequences, hard to follow.
	return [await runForEachItem.call(this, execute)];
}
