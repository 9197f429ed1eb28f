/**
 * The per-item loop every action node uses: bounded concurrency, output in input order, and every
 * output wrapped here — paired with its input item, with n8n's execution metadata, and, with
 * Continue On Fail, a failed item turned into an error item. Operations only answer their JSON
 * (or a `FileItem`).
 */
import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { perRun } from './perRun';

/** An output item that carries files besides its JSON. */
export class FileItem {
	constructor(
		readonly json: IDataObject,
		readonly binary: IBinaryKeyData,
	) {}
}

/** What an operation answers for one input item: one JSON object, a list of them, or a file item. */
export type ItemOutput = IDataObject | IDataObject[] | FileItem;

export type ItemOperation = (this: IExecuteFunctions, itemIndex: number) => Promise<ItemOutput>;

/**
 * The node, for the errors an item may raise. n8n's `getNode()` deep-copies it on every call;
 * per item, in a loop of thousands, once per run is enough.
 */
export const nodeOf: (context: IExecuteFunctions) => INode = perRun((context: IExecuteFunctions) =>
	context.getNode(),
);

function outputItems(
	context: IExecuteFunctions,
	output: ItemOutput,
	itemIndex: number,
): INodeExecutionData[] {
	const items =
		output instanceof FileItem
			? [{ json: output.json, binary: output.binary }]
			: context.helpers.returnJsonArray(output);
	return context.helpers.constructExecutionMetaData(items, { itemData: { item: itemIndex } });
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

function asNodeError(context: IExecuteFunctions, caught: unknown, itemIndex: number): Error {
	return caught instanceof NodeApiError || caught instanceof NodeOperationError
		? caught
		: new NodeOperationError(context.getNode(), caught as Error, { itemIndex });
}

/** Runs `operation` for every input item, `concurrency` at a time; the first failure stops the run. */
export async function runForEachItem(
	this: IExecuteFunctions,
	operation: ItemOperation,
	{ concurrency = 1 }: { concurrency?: number } = {},
): Promise<INodeExecutionData[]> {
	const count = this.getInputData().length;
	const results: INodeExecutionData[][] = new Array(count);
	let next = 0;
	let inFlight = 0;
	let failure: Error | undefined;

	const runOne = async (itemIndex: number) => {
		try {
			results[itemIndex] = outputItems(this, await operation.call(this, itemIndex), itemIndex);
		} catch (caught) {
			const error = asNodeError(this, caught, itemIndex);
			if (this.continueOnFail()) {
				results[itemIndex] = [errorItem(error, itemIndex)];
			} else {
				failure ??= error;
			}
		}
	};

	// While other items are in flight, a worker lets one turn of the event loop pass before it starts
	// its next item: otherwise all workers start in one turn, and each starts its next item in the
	// turn its previous answer arrives, so the requests' connections and headers go out in bursts
	// that wait on each other and on n8n's own work (traced in a real n8n at 8 in parallel: ~5 ms,
	// median, to connect a socket, 11–20 ms at p90; ~8 ms more per item). Staggered, they overlap
	// with the other items' waiting instead (bench/RESULTS.md).
	const worker = async () => {
		while (failure === undefined && next < count) {
			if (inFlight > 0) {
				await sleep(0);
				if (failure !== undefined || next >= count) return;
			}
			inFlight++;
			await runOne(next++).finally(() => inFlight--);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
	if (failure) throw failure;
	return results.flat();
}
