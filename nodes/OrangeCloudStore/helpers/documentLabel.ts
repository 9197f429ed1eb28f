/**
 * How a document is named where a person picks it: "Invoice · October 2026 · PDF · €1,234.56"
 * rather than its file name and raw type. Built from the fields the API lists; a field it does
 * not give is left out of the label.
 */
import type { IDataObject } from 'n8n-workflow';

import type { DocumentType } from '../descriptions/documentTypes';
import { DOCUMENT_TYPE_NAMES } from '../descriptions/documentTypes';

const MONTHS = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "October 2026" for a period starting 202610 (20261001-20261031, 2026-10, …). */
export function monthOf(period: unknown): string | undefined {
	const match = /^(\d{4})-?(\d{2})/.exec(String(period ?? ''));
	if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return undefined;
	return MONTHS.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

function formatOf(filename: unknown): string | undefined {
	const match = /\.([A-Za-z0-9]{2,5})$/.exec(String(filename ?? ''));
	return match ? match[1].toUpperCase() : undefined;
}

function amountOf(document: IDataObject): string | undefined {
	const amount = Number(document.amount);
	if (!document.amount || !Number.isFinite(amount) || amount === 0) return undefined;
	const currency = typeof document.currency === 'string' ? document.currency : undefined;
	try {
		return currency
			? new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount)
			: amount.toFixed(2);
	} catch {
		// A currency code Intl does not know: the amount and the code as they came.
		return `${amount.toFixed(2)} ${currency}`;
	}
}

/** The document's label in a list: type · month · format · amount (what is known of them). */
export function documentLabel(document: IDataObject): string {
	const type = DOCUMENT_TYPE_NAMES[document.documentType as DocumentType] ?? document.documentType;
	const parts = [type, monthOf(document.period), formatOf(document.filename), amountOf(document)];
	const label = parts.filter((part) => typeof part === 'string' && part !== '').join(' · ');
	return label || String(document.filename ?? document.id);
}
