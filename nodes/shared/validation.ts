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

export function optionalText(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	options?: { maxLength?: number },
): string | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		return undefined;
	}
	return requireText(node, itemIndex, field, value, options);
}

const EMAIL =
	/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function checkEmail(node: INode, itemIndex: number, field: string, value: unknown): string {
	const text = requireText(node, itemIndex, field, value, { maxLength: 254 });
	if (!EMAIL.test(text) || text.includes('..')) {
		throw invalidInput(node, itemIndex, field, `${quote(text)} is not an e-mail address`);
	}
	return text;
}

/** French phone number: 10 digits starting with 0, or +33 / 0033 followed by 9 digits. */
export function checkPhone(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
): string | undefined {
	const text = optionalText(node, itemIndex, field, value, { maxLength: 30 });
	if (text === undefined) return undefined;
	const compact = text.replace(/[\s.\-()]/g, '');
	if (!/^(?:\+|00)?\d{6,15}$/.test(compact)) {
		throw invalidInput(node, itemIndex, field, `${quote(text)} is not a phone number`);
	}
	return compact;
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

/** A `YYYYMM` period such as 202403. */
export function checkPeriod(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
): string | undefined {
	const text = optionalText(node, itemIndex, field, value, { maxLength: 10 });
	if (text === undefined) return undefined;
	const match = /^(\d{4})-?(\d{2})$/.exec(text);
	const month = match ? Number(match[2]) : 0;
	if (!match || month < 1 || month > 12 || Number(match[1]) < 2000 || Number(match[1]) > 2100) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			`${quote(text)} is not a month as YYYYMM (e.g. 202403)`,
		);
	}
	return `${match[1]}${match[2]}`;
}

/** An n8n binary property name: what a later node will refer to. */
export function checkBinaryPropertyName(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const text = requireText(node, itemIndex, field, value, { maxLength: 100 });
	if (!/^[A-Za-z_$][\w$-]*$/.test(text)) {
		throw invalidInput(
			node,
			itemIndex,
			field,
			`${quote(text)} is not a valid field name (letters, digits, _ and -, not starting with a digit)`,
		);
	}
	return text;
}
