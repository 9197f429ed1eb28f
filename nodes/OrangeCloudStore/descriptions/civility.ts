import type { INodePropertyOptions } from 'n8n-workflow';

export const CIVILITIES = ['M', 'Mme'] as const;

export const civilityOptions: INodePropertyOptions[] = [
	{ name: 'M (Mr)', value: 'M' },
	{ name: 'Mme (Mrs)', value: 'Mme' },
];
