/**
 * A node's resources and operations, from which its description and its router are built. An
 * operation is one file exporting `option` (its entry in the Operation list), `properties` (its
 * parameters) and `execute`; a resource lists its operation files. A new operation is its own
 * file plus one line in its resource's list.
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ItemOperation } from './items';
import { runForEachItem } from './items';

export interface Operation {
	option: INodePropertyOptions & { value: string; action: string };
	properties: INodeProperties[];
	execute: ItemOperation;
}

export interface Resource {
	name: string;
	value: string;
	/** The operation selected when the resource is picked. */
	defaultOperation: string;
	/** In the order their parameters appear in the description. */
	operations: Operation[];
}

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name);
}

/** The resource's Operation parameter, then each operation's parameters, shown for it alone. */
export function resourceDescription(resource: Resource): INodeProperties[] {
	const { defaultOperation, operations } = resource;
	const show = { resource: [resource.value] };
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show },
			options: operations.map((operation) => operation.option).sort(byName),
			default: defaultOperation,
		},
		...operations.flatMap((operation) =>
			updateDisplayOptions(
				{ show: { ...show, operation: [operation.option.value] } },
				operation.properties,
			),
		),
	];
}

/** The node's Resource parameter and every resource's description. */
export function nodeProperties(resources: Resource[], defaultResource: string): INodeProperties[] {
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map(({ name, value }) => ({ name, value })),
			default: defaultResource,
		},
		...resources.flatMap(resourceDescription),
	];
}

/** How many items a node runs at once, from its parameters (the first item's). */
export type ConcurrencyOf = (context: IExecuteFunctions) => number;

/** The node's `execute`: the operation its parameters select, run for every item. */
export function routerFor(resources: Resource[], concurrencyOf: ConcurrencyOf = () => 1) {
	const table = new Map<string, ItemOperation>();
	for (const resource of resources) {
		for (const operation of resource.operations) {
			table.set(`${resource.value}/${operation.option.value}`, operation.execute);
		}
	}
	return async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const execute = table.get(`${resource}/${operation}`);
		if (!execute) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operation}" of "${resource}" is not supported`,
			);
		}
		return [await runForEachItem.call(this, execute, { concurrency: concurrencyOf(this) })];
	};
}
