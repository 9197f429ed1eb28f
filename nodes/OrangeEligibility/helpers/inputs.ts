/**
 * Checks of what the user gives the Eligibility node, before any call. Each answers the value as
 * Orange expects it, or throws an error naming the item and the field.
 */
import type { INode } from 'n8n-workflow';

import type { TextPattern } from '../../shared/validation';
import {
	checkOption,
	checkPattern,
	invalidInput,
	optionalText,
	quote,
	requireText,
} from '../../shared/validation';

/** The shapes of the Eligibility node's text inputs, each checked by `checkPattern`. */
const PATTERNS = {
	/** ND (numéro de désignation): 10 digits starting with 0; spaces, dots, dashes, +33 and 0033 accepted. */
	nd: {
		maxLength: 30,
		tidy: (text) => text.replace(/[\s.\-()]/g, '').replace(/^(?:\+33|0033)/, '0'),
		pattern: /^0[1-9]\d{8}$/,
		problem: 'is not a French line number',
		expected: 'an ND: 10 digits starting with 0, such as 01 42 00 00 01; spaces and +33 accepted',
		hint: 'Without the line number, check the postal address instead.',
	},
	/** INSEE code (code commune): 5 characters, digits, or 2A/2B then 3 digits for Corsica. */
	inseeCode: {
		maxLength: 10,
		tidy: (text) => text.toUpperCase(),
		pattern: /^(\d{5}|2[AB]\d{3})$/,
		refuses: (text) => text.startsWith('00'),
		problem: 'is not an INSEE commune code',
		expected: '5 characters, such as 75115 or 2A004',
		hint: 'Without the codes, check the postal address instead.',
	},
	/** Rivoli code (code voie): 4 letters or digits. */
	rivoliCode: {
		maxLength: 10,
		tidy: (text) => text.toUpperCase(),
		pattern: /^[0-9A-Z]{4}$/,
		problem: 'is not a Rivoli street code',
		expected: '4 letters or digits, such as 2156',
		hint: 'Without the codes, check the postal address instead.',
	},
	/** Building code (code immeuble), such as IMB/75115/X/00A1. */
	buildingCode: {
		maxLength: 40,
		tidy: (text) => text.toUpperCase(),
		pattern: /^[A-Z0-9][A-Z0-9/_.-]{2,39}$/,
		refuses: (text) => text.includes('..'),
		problem: 'is not a building code',
		expected: 'a code such as IMB/75115/X/00A1',
		hint: 'Leave it empty when the building is not known.',
	},
	/** A postal address as free text, as a CRM holds it: one line, letters, 5 to 200 characters. */
	textAddress: {
		maxLength: 200,
		tidy: (text) => text.replace(/\s+/g, ' '),
		pattern: /\p{L}{2}/u,
		refuses: (text) => text.length < 5,
		problem: 'is not a postal address',
		expected:
			'number, street, postcode and city on one line, such as 12 bis rue de Vaugirard, 75015 Paris',
		hint: 'Without a street address, check the line number (ND) or the GPS coordinates instead.',
	},
} satisfies Record<string, TextPattern>;

/** The ND field's name, in the editor and in its errors. */
export const ND_LABEL = 'Line Number';

export function checkNd(node: INode, itemIndex: number, value: unknown): string {
	return checkPattern(node, itemIndex, ND_LABEL, value, PATTERNS.nd);
}

export function checkInseeCode(node: INode, itemIndex: number, value: unknown): string {
	return checkPattern(node, itemIndex, 'INSEE Code', value, PATTERNS.inseeCode);
}

export function checkRivoliCode(node: INode, itemIndex: number, value: unknown): string {
	return checkPattern(node, itemIndex, 'Rivoli Code', value, PATTERNS.rivoliCode);
}

export function checkBuildingCode(node: INode, itemIndex: number, value: unknown): string {
	return checkPattern(node, itemIndex, 'Building Code', value, PATTERNS.buildingCode);
}

export function checkTextAddress(node: INode, itemIndex: number, value: unknown): string {
	// A CRM often keeps an address on several lines: one line for Orange.
	const oneLine = typeof value === 'string' ? value.replace(/[\r\n\t]+/g, ' ') : value;
	return checkPattern(node, itemIndex, 'Address', oneLine, PATTERNS.textAddress);
}

const COMPLEMENTS: Record<string, string> = { BIS: 'B', TER: 'T', QUATER: 'Q', QUINQUIES: 'C' };
const COMPLEMENT_EXPECTED = 'one letter such as B, T, Q or C, or BIS, TER, QUATER, QUINQUIES, or empty';
const STREET_NUMBER_EXPECTED = 'digits, such as 12 or 12B';

/** Street number complement: B, T, Q, C or another letter; BIS, TER, QUATER, QUINQUIES accepted. */
export function checkComplement(
	node: INode,
	itemIndex: number,
	value: unknown,
): string | undefined {
	const text = optionalText(node, itemIndex, 'Street Number Complement', value, {
		maxLength: 10,
		expected: COMPLEMENT_EXPECTED,
	});
	if (text === undefined) return undefined;
	const upper = text.toUpperCase();
	if (COMPLEMENTS[upper]) return COMPLEMENTS[upper];
	if (/^[A-Z]$/.test(upper)) return upper;
	throw invalidInput(
		node,
		itemIndex,
		'Street Number Complement',
		`${quote(text)} is not a complement (expected ${COMPLEMENT_EXPECTED})`,
	);
}

/** Street number, with its complement when written together ("12B", "12 bis"). */
export function checkStreetNumber(
	node: INode,
	itemIndex: number,
	numberValue: unknown,
	complementValue: unknown,
): { streetNumber: string; streetNumberComplement?: string } {
	const text = requireText(node, itemIndex, 'Street Number', numberValue, {
		maxLength: 20,
		expected: STREET_NUMBER_EXPECTED,
	});
	const match = /^0*(\d{1,5})\s*([A-Za-z]*)$/.exec(text);
	if (!match || match[1] === '0' || match[1] === '') {
		throw invalidInput(
			node,
			itemIndex,
			'Street Number',
			`${quote(text)} is not a street number (expected ${STREET_NUMBER_EXPECTED})`,
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
	return checkOption(node, itemIndex, 'Line Status', text, [...ND_STATUSES]);
}
