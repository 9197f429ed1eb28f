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
import { toolDescriptionProperty } from './toolDescription';

export interface Operation {
	option: INodePropertyOptions & { value: string; action: string };
	/** What a model is told of the operation as a tool: what it does, needs and answers. */
	toolDescription: string;
	properties: INodeProperties[];
	execute: ItemOperation;
}

export interface Resource {
	name: string;
	value: string;
	/** The operation selected when the resource is picked. */
	defaultOperation: string;
	/**
	 * Another default from a node version on: a node added to a workflow now gets it, a saved one
	 * keeps the operation it had (n8n stores a parameter left at its default as absent).
	 */
	laterDefault?: { sinceVersion: number; operation: string };
	/** In the order their parameters appear in the description. */
	operations: Operation[];
}

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name);
}

/** The Operation parameter: one per default when the default changed with a node version. */
function operationProperties(resource: Resource): INodeProperties[] {
	const { defaultOperation, laterDefault, operations } = resource;
	const show = { resource: [resource.value] };
	const property = (
		defaultValue: string,
		versions?: NonNullable<INodeProperties['displayOptions']>['show'],
	): INodeProperties => ({
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { ...show, ...versions } },
		options: operations.map((operation) => operation.option).sort(byName),
		default: defaultValue,
	});
	if (!laterDefault) return [property(defaultOperation)];
	const since = laterDefault.sinceVersion;
	return [
		property(defaultOperation, { '@version': [{ _cnd: { lt: since } }] }),
		property(laterDefault.operation, { '@version': [{ _cnd: { gte: since } }] }),
	];
}

/**
 * The resource's Operation parameter, then each operation's parameters, shown for it alone: first
 * its tool description (shown only in a tool).
 */
export function resourceDescription(resource: Resource): INodeProperties[] {
	const show = { resource: [resource.value] };
	return [
		...operationProperties(resource),
		...resource.operations.flatMap((operation) =>
			updateDisplayOptions({ show: { ...show, operation: [operation.option.value] } }, [
				toolDescriptionProperty(operation.toolDescription),
				...operation.properties,
			]),
		),
	];
}

/**
 * The canvas subtitle: the operation's name ("Check Address"), after its resource's when the node
 * has several ("Document: Download") — not the raw values n8n's usual subtitle shows.
 */
export function subtitleFor(resources: Resource[]): string {
	const names: Record<string, string> = {};
	for (const resource of resources) {
		for (const { option } of resource.operations) {
			const prefix = resources.length > 1 ? `${resource.name}: ` : '';
			names[`${resource.value}/${option.value}`] = `${prefix}${option.name}`;
		}
	}
	// One pair of braces inside n8n's {{ }}: a "}}" would end the expression early.
	return `={{ (${JSON.stringify(names)})[$parameter["resource"] + "/" + $parameter["operation"]] ?? $parameter["operation"] }}`;
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
