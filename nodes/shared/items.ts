/**
 * The per-item loop every action node uses: bounded concurrency, output in input order,
 * `pairedItem` on every item, and `continueOnFail` turning a failed item into an error item.
 */
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export type ItemOperation = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<INodeExecutionData[]>;

const nodes = new WeakMap<object, INode>();

/**
 * The node, for the errors an item may raise. n8n's `getNode()` deep-copies it on every call;
 * per item, in a loop of thousands, once per run is enough.
 */
export function nodeOf(context: IExecuteFunctions): INode {
	let node = nodes.get(context);
	if (!node) {
		node = context.getNode();
		nodes.set(context, node);
	}
	return node;
}

/** The operation the node is set to, from a node's table of resource → operation → execute. */
export function selectedOperation(
	this: IExecuteFunctions,
	operations: Record<string, Record<string, ItemOperation>>,
): ItemOperation {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	return execute;
}

function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	const { description, httpCode } = error as {
		description?: string | null;
		httpCode?: string | null;
	};
	if (description) json.description = description;
	if (httpCode) json.httpCode = httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

export async function runForEachItem(
	this: IExecuteFunctions,
	operation: ItemOperation,
	{ concurrency = 1 }: { concurrency?: number } = {},
): Promise<INodeExecutionData[]> {
	const count = this.getInputData().length;
	const results: INodeExecutionData[][] = new Array(count);
	let next = 0;
	let failure: Error | undefined;

	const runOne = async (itemIndex: number) => {
		try {
			results[itemIndex] = await operation.call(this, itemIndex);
		} catch (caught) {
			const error =
				caught instanceof NodeApiError || caught instanceof NodeOperationError
					? caught
					: new NodeOperationError(this.getNode(), caught as Error, { itemIndex });
			if (this.continueOnFail()) {
				results[itemIndex] = [errorItem(error, itemIndex)];
			} else {
				failure ??= error;
			}
		}
	};

	const worker = async () => {
		while (failure === undefined && next < count) {
			await runOne(next++);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
	if (failure) throw failure;
	return results.flat();
}
