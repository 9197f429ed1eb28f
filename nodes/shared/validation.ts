/**
 * Input checks run before any request: a bad value stops the item with an error that names the
 * item and the field, and nothing is sent to Orange.
 */
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export function invalidInput(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
	hint?: string,
): NodeOperationError {
	return new NodeOperationError(node, `Invalid ${field} in item ${itemIndex}: ${problem}`, {
		itemIndex,
		description: hint,
	});
}

/** Shows a user's value in an error without flooding it. */
export function quote(value: unknown): string {
	const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
	return text.length > 60 ? `"${text.slice(0, 57)}…"` : `"${text}"`;
}

export function requireText(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	{ maxLength = 255 }: { maxLength?: number } = {},
): string {
	const text =
		typeof value === 'number'
			? String(value)
			: typeof value === 'string'
				? value.trim()
				: undefined;
	if (text === undefined)
		throw invalidInput(node, itemIndex, field, `expected text, got ${typeof value}`);
	if (text === '') throw invalidInput(node, itemIndex, field, 'it is empty');
	if (text.length > maxLength) {
		throw invalidInput(node, itemIndex, field, `it is longer than ${maxLength} characters`);
	}
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(text)) {
		throw invalidInput(node, itemIndex, field, 'it contains control characters');
	}
	return text;
}

/** An input left empty: absent, null, or only spaces. */
function isEmptyInput(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

export function optionalText(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	options?: { maxLength?: number },
): string | undefined {
	if (isEmptyInput(value)) return undefined;
	return requireText(node, itemIndex, field, value, options);
}

/**
 * The shape a text input must have. A row of `TEXT_PATTERNS`, or a node's own (its ids): one
 * check (`checkPattern`) serves them all.
 */
export interface TextPattern {
	maxLength: number;
	/** What the value must match, once trimmed and tidied. */
	pattern: RegExp;
	/** Said after the quoted value when it does not match: "is not an e-mail address". */
	problem: string;
	/** Advice shown under the error. */
	hint?: string;
	/** Tidies the value before it is matched; the tidied value is what is sent. */
	tidy?: (text: string) => string;
	/** Refuses a value the pattern lets through. */
	refuses?: (text: string) => boolean;
}

const EMAIL =
	/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** The text inputs every node knows. */
export const TEXT_PATTERNS = {
	email: {
		maxLength: 254,
		pattern: EMAIL,
		refuses: (text) => text.includes('..'),
		problem: 'is not an e-mail address',
	},
	/** A phone number: 6 to 15 digits, with + or 00 before; spaces, dots, dashes, brackets dropped. */
	phone: {
		maxLength: 30,
		tidy: (text) => text.replace(/[\s.\-()]/g, ''),
		pattern: /^(?:\+|00)?\d{6,15}$/,
		problem: 'is not a phone number',
	},
	/** A `YYYYMM` month such as 202403 (`YYYY-MM` is accepted), from 2000 to 2100. */
	period: {
		maxLength: 10,
		tidy: (text) => (/^\d{4}-\d{2}$/.test(text) ? text.replace('-', '') : text),
		pattern: /^\d{6}$/,
		refuses: (text) => {
			const [year, month] = [Number(text.slice(0, 4)), Number(text.slice(4))];
			return month < 1 || month > 12 || year < 2000 || year > 2100;
		},
		problem: 'is not a month as YYYYMM (e.g. 202403)',
	},
	/** An n8n binary property name: what a later node will refer to. */
	binaryPropertyName: {
		maxLength: 100,
		pattern: /^[A-Za-z_$][\w$-]*$/,
		problem: 'is not a valid field name (letters, digits, _ and -, not starting with a digit)',
	},
} satisfies Record<string, TextPattern>;

/** Checks a required text input against its pattern; answers the value to send. */
export function checkPattern(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	shape: keyof typeof TEXT_PATTERNS | TextPattern,
): string {
	const rule: TextPattern = typeof shape === 'string' ? TEXT_PATTERNS[shape] : shape;
	const text = requireText(node, itemIndex, field, value, { maxLength: rule.maxLength });
	const tidied = rule.tidy ? rule.tidy(text) : text;
	if (!rule.pattern.test(tidied) || rule.refuses?.(tidied)) {
		throw invalidInput(node, itemIndex, field, `${quote(text)} ${rule.problem}`, rule.hint);
	}
	return tidied;
}

/** The same for an input that may be left empty: undefined then. */
export function checkOptionalPattern(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	shape: keyof typeof TEXT_PATTERNS | TextPattern,
): string | undefined {
	return isEmptyInput(value) ? undefined : checkPattern(node, itemIndex, field, value, shape);
}

/** One value among fixed options (a field set by expression can hold anything). */
export function checkOption<T extends string>(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	allowed: readonly T[],
): T {
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
		return value as T;
	throw invalidInput(node, itemIndex, field, `${quote(value)} is not one of ${allowed.join(', ')}`);
}
