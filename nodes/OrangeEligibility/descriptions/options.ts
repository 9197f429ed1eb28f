import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { timeoutOption } from '../../shared/options';
import { OFFER_KEYS, OFFERS } from '../helpers/wireFormat';

export const DEFAULT_CONCURRENCY = 5;

/** Version 2 changed outputs and defaults: see the README's "Node versions". */
export const FLAT_OUTPUT_VERSION = 2;
const fromVersion2: IDisplayOptions['show'] = {
	'@version': [{ _cnd: { gte: FLAT_OUTPUT_VERSION } }],
};
const version1: IDisplayOptions['show'] = { '@version': [{ _cnd: { lt: FLAT_OUTPUT_VERSION } }] };

/** A field a check reads from each input item with "Map Automatically": its name, and what it holds. */
export interface InputField {
	name: string;
	holds: string;
	optional?: boolean;
}

/** "nd (the line number), ndStatus (optional: …)": the fields as a sentence lists them. */
export function fieldList(fields: InputField[]): string {
	return fields
		.map(({ name, holds, optional }) => `${name} (${optional ? 'optional: ' : ''}${holds})`)
		.join(', ');
}

/** Where the address or ND comes from: fields set below, or each input item's own fields. */
const mappingModeProperty: INodeProperties = {
	displayName: 'Mapping Mode',
	name: 'mappingMode',
	type: 'options',
	options: [
		{
			name: 'Map Each Field Below',
			value: 'defineBelow',
			description: 'Set each field below, with a fixed value or an expression',
		},
		{
			name: 'Map Automatically',
			value: 'autoMapInputData',
			description: "Read each input item's fields, by name: the fastest way through long lists",
		},
	],
	default: 'defineBelow',
	// A tool call has no input item to read from: the model fills the fields.
	displayOptions: { hide: { '@tool': [true] } },
};

/** With "Map Automatically": which fields each input item needs. */
function autoMapNotice(fields: InputField[]): INodeProperties {
	return {
		displayName: `Each input item needs these fields: ${fieldList(fields)}. Rename other fields with an Edit Fields (Set) node first.`,
		name: 'autoMapNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { mappingMode: ['autoMapInputData'] } },
	};
}

/** Shown unless Map Automatically: absent (a tool, where Mapping Mode is hidden) counts as shown. */
export const definedBelow = { hide: { mappingMode: ['autoMapInputData'] } };

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
		"Whether to return one tidy object per check (eligible, each offer's status, the address, NRO/PM or BLOM) instead of the raw answer of the API",
};

const concurrencyOption: INodeProperties = {
	displayName: 'Parallel Requests',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 32 },
	default: DEFAULT_CONCURRENCY,
	description:
		'How many items are checked at the same time. Output items keep the order of the input either way.',
};

export const STATUS_LANGUAGES = ['english', 'french'] as const;

/** Options of version 2: besides version 1's, how not-found and status labels come out. */
const version2Options: INodeProperties[] = [
	{
		displayName: 'Fail If Not Found',
		name: 'failIfNotFound',
		type: 'boolean',
		default: false,
		description:
			"Whether an address or line that Orange does not know fails the item. Off: the item comes out with found = false and Orange's message, and the others go on.",
	},
	concurrencyOption,
	{
		displayName: 'Status Labels',
		name: 'statusLanguage',
		type: 'options',
		options: [
			{ name: 'English', value: 'english', description: 'Such as "Eligible, network deployed"' },
			{
				name: "French (Orange's Labels)",
				value: 'french',
				description: 'Such as "Eligible réseau déployé", as in Orange\'s offer documents',
			},
		],
		default: 'english',
		description: "The language of each offer's status label. The status codes stay the same.",
	},
	timeoutOption,
];

function optionsProperty(
	options: INodeProperties[],
	versions: IDisplayOptions['show'],
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
		displayOptions: { show: versions },
	};
}

/**
 * An eligibility operation's properties: its Mapping Mode (and the notice of what "Map
 * Automatically" reads), the fields of what it checks (shown with "Map Each Field Below" unless
 * they say otherwise), then the offers, Simplify and the options of the node's version.
 */
export function checkOperationProperties(
	inputFields: InputField[],
	fields: INodeProperties[],
	before: INodeProperties[] = [],
): INodeProperties[] {
	return [
		...before,
		mappingModeProperty,
		autoMapNotice(inputFields),
		...fields.map((field) => ({ displayOptions: definedBelow, ...field })),
		offersProperty,
		simplifyProperty,
		optionsProperty([concurrencyOption, timeoutOption], version1),
		optionsProperty(version2Options, fromVersion2),
	];
}
