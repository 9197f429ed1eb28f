import type { INodePropertyOptions } from 'n8n-workflow';

/** The API's own values, its spelling kept ("comsumption"): it answers nothing for any other. */
export const DOCUMENT_TYPES = [
	'bills',
	'invoices',
	'reports',
	'partialBills',
	'partialConsumptionRatedReports',
	'comsumptionRatedReports',
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** One document of each type, as people call it: the picker's labels, the trigger's subtitle. */
export const DOCUMENT_TYPE_NAMES: Record<DocumentType, string> = {
	bills: 'Bill',
	invoices: 'Invoice',
	reports: 'Usage Report',
	partialBills: 'Partial Bill',
	partialConsumptionRatedReports: 'Partial Consumption Report',
	comsumptionRatedReports: 'Consumption Report',
};

export const documentTypeOptions: INodePropertyOptions[] = [
	{ name: 'All', value: 'all', description: 'Every type of document' },
	{ name: 'Bills', value: 'bills', description: 'Monthly billing reports (XLSX)' },
	{
		name: 'Consumption Rated Reports',
		value: 'comsumptionRatedReports',
		description: 'Detailed consumption of a month, line by line (CSV)',
	},
	{ name: 'Invoices', value: 'invoices', description: 'Monthly invoices (PDF)' },
	{
		name: 'Partial Bills',
		value: 'partialBills',
		description: 'Billing of the current month so far, before its bill (XLSX)',
	},
	{
		name: 'Partial Consumption Rated Reports',
		value: 'partialConsumptionRatedReports',
		description: 'Detailed consumption of the current month so far (CSV)',
	},
	{ name: 'Reports', value: 'reports', description: 'Usage reports (CSV)' },
];
