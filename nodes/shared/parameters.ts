/**
 * Node parameters read once per run when they can be: n8n's `getNodeParameter` deep-copies and
 * resolves a parameter on every call, which per item, over thousands of items, is a cost of its
 * own. A parameter that holds no expression (the node's raw parameters say) has the same value for
 * every item; one that only names a field of the input item (`{{ $json.nd }}`, the expression
 * n8n writes when a field is dragged onto a parameter) is that field's value.
 */
import type { IDataObject, IExecuteFunctions, NodeParameterValueType } from 'n8n-workflow';

import { nodeOf } from './items';
import { perRun } from './perRun';

/** Whether a raw parameter value is, or holds, an expression (a string starting with "="). */
export function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (typeof value === 'object' && value !== null)
		return Object.values(value).some(holdsExpression);
	return false;
}

const NAME = String.raw`[A-Za-z_$][\w$]*`;
const QUOTED = String.raw`\[\s*(?:"[^"\\]*"|'[^'\\]*')\s*\]`;
const FIELD_REFERENCE = new RegExp(
	String.raw`^=\{\{\s*\$json((?:\s*\.${NAME}|\s*${QUOTED})+)\s*\}\}$`,
);
const SEGMENT = new RegExp(String.raw`\.(${NAME})|\[\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*\]`, 'g');

/**
 * The fields a raw parameter names when it is nothing but a reference to the input item's field —
 * `={{ $json.nd }}`, `={{ $json.lead.nd }}`, `={{ $json["N° de ligne"] }}` — or undefined.
 */
export function inputFieldPath(raw: unknown): string[] | undefined {
	if (typeof raw !== 'string') return undefined;
	const match = FIELD_REFERENCE.exec(raw);
	if (!match) return undefined;
	return [...match[1].matchAll(SEGMENT)].map((s) => s[1] ?? s[2] ?? s[3]);
}

/**
 * The value at `path` in the item, when it is a string, a number or a boolean of the item's own —
 * what n8n's expression engine answers for it, unchanged. Undefined for anything else (missing,
 * null, an object, a date…): n8n then evaluates the expression, with its own rules and errors.
 */
function primitiveAt(
	json: IDataObject | undefined,
	path: string[],
): string | number | boolean | undefined {
	let value: unknown = json;
	for (const key of path) {
		if (
			typeof value !== 'object' ||
			value === null ||
			!Object.prototype.hasOwnProperty.call(value, key)
		)
			return undefined;
		value = (value as IDataObject)[key];
	}
	const type = typeof value;
	return type === 'string' || type === 'number' || type === 'boolean'
		? (value as string | number | boolean)
		: undefined;
}

/** Turns a parameter's value into what the node uses; throws an error naming the item if invalid. */
type Parse<T> = (value: unknown, itemIndex: number, context: IExecuteFunctions) => T;
const asIs: Parse<unknown> = (value) => value;

/** How a parameter is read in this run, from its raw value. */
type Reading =
	| { kind: 'fixed'; parsed: Map<Parse<unknown>, unknown> }
	| { kind: 'inputField'; path: string[] }
	| { kind: 'expression' };

const readingOf = perRun((context: IExecuteFunctions, name: string): Reading => {
	const raw = nodeOf(context).parameters[name];
	if (!holdsExpression(raw)) return { kind: 'fixed', parsed: new Map() };
	const path = inputFieldPath(raw);
	return path ? { kind: 'inputField', path } : { kind: 'expression' };
});

const inputOf = perRun((context: IExecuteFunctions) => context.getInputData());

/**
 * A parameter's value for an item, passed through `parse`: read and parsed once per run when it
 * holds no expression, taken from the item when it only names one of its fields, evaluated by n8n
 * for each item otherwise. The value may be shared by every item: not to be changed. A `parse`
 * that throws is not remembered, so each item's error names that item; one `parse` function, not
 * a new closure per call, or nothing is remembered.
 */
export function itemParameter<T = unknown>(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback: NodeParameterValueType | object,
	parse: Parse<T> = asIs as Parse<T>,
): T {
	const read = () => parse(context.getNodeParameter(name, itemIndex, fallback), itemIndex, context);
	const reading = readingOf(context, name);
	if (reading.kind === 'expression') return read();
	if (reading.kind === 'inputField') {
		const value = primitiveAt(inputOf(context)[itemIndex]?.json, reading.path);
		return value === undefined ? read() : parse(value, itemIndex, context);
	}
	if (reading.parsed.has(parse)) return reading.parsed.get(parse) as T;
	const value = read();
	reading.parsed.set(parse, value);
	return value;
}
