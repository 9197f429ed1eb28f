/**
 * Node parameters read once per run when they can be: n8n's `getNodeParameter` deep-copies and
 * resolves a parameter on every call, which per item, over thousands of items, is a cost of its
 * own. A parameter that holds no expression (the node's raw parameters say) has the same value for
 * every item.
 */
import type { IExecuteFunctions, NodeParameterValueType } from 'n8n-workflow';

import { nodeOf } from './items';

/** Whether a raw parameter value is, or holds, an expression (a string starting with "="). */
export function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (typeof value === 'object' && value !== null)
		return Object.values(value).some(holdsExpression);
	return false;
}

/** Turns a parameter's value into what the node uses; throws an error naming the item if invalid. */
type Parse<T> = (value: unknown, itemIndex: number, context: IExecuteFunctions) => T;
const asIs: Parse<unknown> = (value) => value;

/** Per node run: parameter name → parse function → its parsed value. */
const runValues = new WeakMap<object, Map<string, Map<Parse<unknown>, unknown>>>();

/**
 * A parameter's value for an item, passed through `parse`: read and parsed once per run when it
 * holds no expression, for each item when it does. The value may be shared by every item: not to
 * be changed. A `parse` that throws is not remembered, so each item's error names that item; one
 * `parse` function, not a new closure per call, or nothing is remembered.
 */
export function itemParameter<T = unknown>(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback: NodeParameterValueType | object,
	parse: Parse<T> = asIs as Parse<T>,
): T {
	const read = () => parse(context.getNodeParameter(name, itemIndex, fallback), itemIndex, context);
	if (holdsExpression(nodeOf(context).parameters[name])) return read();
	let perRun = runValues.get(context);
	if (!perRun) runValues.set(context, (perRun = new Map()));
	let perParse = perRun.get(name);
	if (!perParse) perRun.set(name, (perParse = new Map()));
	if (perParse.has(parse)) return perParse.get(parse) as T;
	const value = read();
	perParse.set(parse, value);
	return value;
}
