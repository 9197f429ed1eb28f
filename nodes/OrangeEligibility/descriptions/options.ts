import type { INodeProperties } from 'n8n-workflow';

import { timeoutOption } from '../../shared/options';
import { OFFER_KEYS, OFFERS } from '../helpers/wireFormat';

export const DEFAULT_CONCURRENCY = 5;

/** Where the address or ND comes from: fields set below, or each input item's own fields. */
export function mappingModeProperty(inputFields: string): INodeProperties {
	return {
		displayName: 'Mapping Mode',
		name: 'mappingMode',
		type: 'options',
		options: [
			{
				name: 'Map Each Field Below',
				value: 'defineBelow',
				description: 'Set each field below, with an expression or a fixed value',
			},
			{
				name: 'Map Automatically',
				value: 'autoMapInputData',
				description: `Read ${inputFields} from each input item, by these names: nothing to map, and the fastest way through long lists`,
			},
		],
		default: 'defineBelow',
	};
}

export const definedBelow = { show: { mappingMode: ['defineBelow'] } };

export const offersProperty: INodeProperties = {
	displayName: 'Offers',
	name: 'offers',
	type: 'multiOptions',
	options: OFFER_KEYS.map((key) => ({
		name: OFFERS[key].name,
		value: key,
		description:
			OFFERS[key].kind === 'passive'
				? 'Passive offer: NRO / PM of the address'
				: 'Active offer: BLOM of the address',
	})),
	default: [...OFFER_KEYS],
	description: 'The Optimum offers to check',
};

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return one tidy object per address (eligible, address, offers with status, label, NRO/PM or BLOM) instead of the raw answer of the API',
};

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Parallel Requests',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 32 },
			default: DEFAULT_CONCURRENCY,
			description:
				'How many items are checked at the same time. Output items keep the order of the input either way.',
		},
		timeoutOption,
	],
};

/**
 * An eligibility operation's properties: its Mapping Mode, the fields of what it checks (shown
 * with "Map Each Field Below" unless they say otherwise), then the offers, Simplify and the options every check shares.
 */
export function checkOperationProperties(
	expectedFields: string,
	fields: INodeProperties[],
	before: INodeProperties[] = [],
): INodeProperties[] {
	return [
		...before,
		mappingModeProperty(expectedFields),
		...fields.map((field) => ({ displayOptions: definedBelow, ...field })),
		offersProperty,
		simplifyProperty,
		optionsProperty,
	];
}
