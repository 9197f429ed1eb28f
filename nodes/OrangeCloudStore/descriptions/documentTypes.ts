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

export const documentTypeOptions: INodePropertyOptions[] = [
	{ name: 'All', value: 'all', description: 'Every type of document' },
	{ name: 'Bills', value: 'bills', description: 'Billing reports (XLSX)' },
	{
		name: 'Consumption Rated Reports',
		value: 'comsumptionRatedReports',
		description: 'Detailed consumption (CSV)',
	},
	{ name: 'Invoices', value: 'invoices', description: 'Invoices (PDF)' },
	{ name: 'Partial Bills', value: 'partialBills' },
	{ name: 'Partial Consumption Rated Reports', value: 'partialConsumptionRatedReports' },
	{ name: 'Reports', value: 'reports', description: 'Usage reports' },
];
