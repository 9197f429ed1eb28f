/**
 * Checks of what the user gives the Eligibility node, before any call. Each answers the value as
 * Orange expects it, or throws an error naming the item and the field.
 */
import type { INode } from 'n8n-workflow';

import {
	checkOption,
	invalidInput,
	optionalText,
	quote,
	requireText,
} from '../../shared/validation';

/** ND (numéro de désignation): 10 digits starting with 0; spaces, dots, dashes, +33 and 0033 accepted. */
export function checkNd(node: INode, itemIndex: number, value: unknown): string {
	const text = requireText(node, itemIndex, 'ND', value, { maxLength: 30 });
	let digits = text.replace(/[\s.\-()]/g, '');
	if (/^\+33/.test(digits)) digits = `0${digits.slice(3)}`;
	else if (/^0033/.test(digits)) digits = `0${digits.slice(4)}`;
	if (!/^0[1-9]\d{8}$/.test(digits)) {
		throw invalidInput(
			node,
			itemIndex,
			'ND',
			`${quote(text)} is not a French line number`,
			'An ND is 10 digits starting with 0, such as 01 42 00 00 01 (or +33 1 42 00 00 01).',
		);
	}
	return digits;
}

/** INSEE code (code commune): 5 characters, digits, or 2A/2B then 3 digits for Corsica. */
export function checkInseeCode(node: INode, itemIndex: number, value: unknown): string {
	const text = requireText(node, itemIndex, 'INSEE Code', value, { maxLength: 10 }).toUpperCase();
	if (!/^(\d{5}|2[AB]\d{3})$/.test(text) || text.startsWith('00')) {
		throw invalidInput(
			node,
			itemIndex,
			'INSEE Code',
			`${quote(text)} is not an INSEE commune code (5 characters, such as 75056 or 2A004)`,
		);
	}
	return text;
}

/** Rivoli code (code voie): 4 letters or digits. */
export function checkRivoliCode(node: INode, itemIndex: number, value: unknown): string {
	const text = requireText(node, itemIndex, 'Rivoli Code', value, { maxLength: 10 }).toUpperCase();
	if (!/^[0-9A-Z]{4}$/.test(text)) {
		throw invalidInput(
			node,
			itemIndex,
			'Rivoli Code',
			`${quote(text)} is not a Rivoli street code (4 letters or digits, such as 2156)`,
		);
	}
	return text;
}

const COMPLEMENTS: Record<string, string> = { BIS: 'B', TER: 'T', QUATER: 'Q', QUINQUIES: 'C' };

/** Street number complement: B, T, Q, C or another letter; BIS, TER, QUATER, QUINQUIES accepted. */
export function checkComplement(
	node: INode,
	itemIndex: number,
	value: unknown,
): string | undefined {
	const text = optionalText(node, itemIndex, 'Street Number Complement', value, { maxLength: 10 });
	if (text === undefined) return undefined;
	const upper = text.toUpperCase();
	if (COMPLEMENTS[upper]) return COMPLEMENTS[upper];
	if (/^[A-Z]$/.test(upper)) return upper;
	throw invalidInput(
		node,
		itemIndex,
		'Street Number Complement',
		`${quote(text)} is not a complement (B, T, Q, C or BIS, TER, QUATER, QUINQUIES)`,
	);
}

/** Street number, with its complement when written together ("12B", "12 bis"). */
export function checkStreetNumber(
	node: INode,
	itemIndex: number,
	numberValue: unknown,
	complementValue: unknown,
): { streetNumber: string; streetNumberComplement?: string } {
	const text = requireText(node, itemIndex, 'Street Number', numberValue, { maxLength: 20 });
	const match = /^0*(\d{1,5})\s*([A-Za-z]*)$/.exec(text);
	if (!match || match[1] === '0' || match[1] === '') {
		throw invalidInput(
			node,
			itemIndex,
			'Street Number',
			`${quote(text)} is not a street number (digits, such as 12 or 12B)`,
		);
	}
	const given = checkComplement(node, itemIndex, complementValue);
	const attached = match[2] ? checkComplement(node, itemIndex, match[2]) : undefined;
	if (given && attached && given !== attached) {
		throw invalidInput(
			node,
			itemIndex,
			'Street Number Complement',
			`${quote(complementValue)} contradicts the street number ${quote(text)}`,
		);
	}
	const streetNumberComplement = given ?? attached;
	return { streetNumber: match[1], ...(streetNumberComplement ? { streetNumberComplement } : {}) };
}

/** Building code (code immeuble), such as IMB/75115/X/00A1. */
export function checkBuildingCode(node: INode, itemIndex: number, value: unknown): string {
	const text = requireText(node, itemIndex, 'Building Code', value, {
		maxLength: 40,
	}).toUpperCase();
	if (!/^[A-Z0-9][A-Z0-9/_.-]{2,39}$/.test(text) || text.includes('..')) {
		throw invalidInput(
			node,
			itemIndex,
			'Building Code',
			`${quote(text)} is not a building code (such as IMB/75115/X/00A1)`,
		);
	}
	return text;
}

/** SIREN: 9 digits whose Luhn checksum is right, not the all-zero placeholder (which passes Luhn). */
export function isValidSiren(value: string): boolean {
	if (!/^\d{9}$/.test(value) || value === '000000000') return false;
	let sum = 0;
	for (let i = 0; i < 9; i++) {
		let digit = Number(value[8 - i]);
		if (i % 2 === 1) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return sum % 10 === 0;
}

/** A postal address as free text, as a CRM holds it: lines joined, letters, at most 200 characters. */
export function checkTextAddress(node: INode, itemIndex: number, value: unknown): string {
	// A CRM often keeps an address on several lines: one line for Orange.
	const oneLine = typeof value === 'string' ? value.replace(/[\r\n\t]+/g, ' ') : value;
	const text = requireText(node, itemIndex, 'Address', oneLine, { maxLength: 200 }).replace(
		/\s+/g,
		' ',
	);
	if (text.length < 5 || !/\p{L}{2}/u.test(text)) {
		throw invalidInput(
			node,
			itemIndex,
			'Address',
			`${quote(text)} is not a postal address`,
			'Give the address as one line, such as "12 bis rue de Vaugirard, 75015 Paris".',
		);
	}
	return text;
}

export const ND_STATUSES = ['active', 'inactive'] as const;

/** Whether the line is in service (active) or no longer (inactive); empty means active. */
export function checkNdStatus(
	node: INode,
	itemIndex: number,
	value: unknown,
): (typeof ND_STATUSES)[number] {
	const text = String(value ?? '')
		.trim()
		.toLowerCase();
	if (text === '') return 'active';
	return checkOption(node, itemIndex, 'ND Status', text, [...ND_STATUSES]);
}
