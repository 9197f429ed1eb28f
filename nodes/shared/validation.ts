/**
 * Input checks run before any request: a bad value stops the item with an error that names the
 * item and the field, says what a valid value looks like, and nothing is sent to Orange.
 */
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isToolNode } from './toolMode';

/**
 * "Invalid <field> in item <n>: <problem>", the advice as the description. As a tool, no item
 * index (a call is one item) and the advice in the message itself: the model sees nothing else.
 */
export function invalidInput(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
	hint?: string,
): NodeOperationError {
	const tool = isToolNode(node);
	const message = `Invalid ${field}${tool ? '' : ` in item ${itemIndex}`}: ${problem}`;
	return new NodeOperationError(node, tool && hint ? `${message}. ${hint}` : message, {
		itemIndex,
		description: hint,
	});
}

/** A problem and what a valid value looks like, in one sentence a model can act on. */
function withExpected(problem: string, expected: string | undefined): string {
	return expected ? `${problem} (expected ${expected})` : problem;
}

/** What any text field is held to: its length, what a valid value looks like, what to do next. */
export interface TextRule {
	maxLength?: number;
	expected?: string;
	/** What to do next: under the error in the editor, after it for a model. */
	hint?: string;
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
	{ maxLength = 255, expected, hint }: TextRule = {},
): string {
	const text =
		typeof value === 'number'
			? String(value)
			: typeof value === 'string'
				? value.trim()
				: undefined;
	const refuse = (problem: string) =>
		invalidInput(node, itemIndex, field, withExpected(problem, expected), hint);
	if (text === undefined) throw refuse(`it is ${value === null ? 'null' : typeof value}, not text`);
	if (text === '') throw refuse('it is empty');
	if (text.length > maxLength) throw refuse(`it is longer than ${maxLength} characters`);
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(text)) throw refuse('it contains control characters');
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
	options?: TextRule,
): string | undefined {
	if (isEmptyInput(value)) return undefined;
	return requireText(node, itemIndex, field, value, options);
}

/**
 * The shape a text input must have. A row of `TEXT_PATTERNS`, or a node's own (its ids): one
 * check (`checkPattern`) serves them all.
 */
export interface TextPattern extends TextRule {
	maxLength: number;
	/** What the value must match, once trimmed and tidied. */
	pattern: RegExp;
	/** Said after the quoted value when it does not match: "is not an e-mail address". */
	problem: string;
	/** What a valid value looks like, with an example: said in every error about the field. */
	expected: string;
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
		expected: 'an address such as jane.doe@example.fr',
	},
	/** A phone number: 6 to 15 digits, with + or 00 before; spaces, dots, dashes, brackets dropped. */
	phone: {
		maxLength: 30,
		tidy: (text) => text.replace(/[\s.\-()]/g, ''),
		pattern: /^(?:\+|00)?\d{6,15}$/,
		problem: 'is not a phone number',
		expected: '6 to 15 digits, + or 00 before an international number, such as 01 42 00 00 01',
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
		problem: 'is not a month',
		expected: 'YYYYMM, such as 202403 for March 2024',
	},
	/** An n8n binary property name: what a later node will refer to. */
	binaryPropertyName: {
		maxLength: 100,
		pattern: /^[A-Za-z_$][\w$-]*$/,
		problem: 'is not a valid field name',
		expected: 'letters, digits, _ and -, not starting with a digit, such as data',
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
	const text = requireText(node, itemIndex, field, value, rule);
	const tidied = rule.tidy ? rule.tidy(text) : text;
	if (!rule.pattern.test(tidied) || rule.refuses?.(tidied)) {
		const problem = withExpected(`${quote(text)} ${rule.problem}`, rule.expected);
		throw invalidInput(node, itemIndex, field, problem, rule.hint);
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
	const problem = `${quote(value)} is not one of ${allowed.join(', ')}`;
	throw invalidInput(node, itemIndex, field, problem);
}
