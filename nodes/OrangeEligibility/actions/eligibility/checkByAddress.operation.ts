import type { INodeProperties } from 'n8n-workflow';

import { nodeOf } from '../../../shared/items';
import { itemParameter } from '../../../shared/parameters';
import type { InputField } from '../../descriptions/options';
import { checkOperationProperties, definedBelow } from '../../descriptions/options';
import { checkExecute } from '../../helpers/check';
import {
	checkBuildingCode,
	checkInseeCode,
	checkRivoliCode,
	checkStreetNumber,
} from '../../helpers/inputs';
import { checkToolDescription } from '../../descriptions/toolDescription';

const byStreet = { ...definedBelow, show: { locateBy: ['streetAddress'] } };
const INPUT_FIELDS: InputField[] = [
	{ name: 'inseeCode', holds: 'the INSEE code of the commune' },
	{ name: 'rivoliCode', holds: 'the Rivoli code of the street' },
	{ name: 'streetNumber', holds: 'the number in the street' },
	{ name: 'streetNumberComplement', holds: 'B, T, Q…', optional: true },
	{ name: 'buildingCode', holds: 'instead of the four above, with Locate By "Building Code"' },
];

export const option = {
	name: 'Check Address by Codes',
	value: 'checkByAddress',
	description:
		'Check the Optimum offers at an address given by its INSEE and Rivoli codes, or at a building by its code',
	action: 'Check eligibility of an address by its INSEE and Rivoli codes',
};

export const toolDescription = checkToolDescription(
	'an address given by its codes',
	'Needs the INSEE commune code (5 characters, such as 75115), the Rivoli street code (4 characters, such as 2156) and the street number (such as 12 or 12B). Only when these codes are known: otherwise check the postal address.',
);

const locateByProperty: INodeProperties = {
	displayName: 'Locate By',
	name: 'locateBy',
	type: 'options',
	options: [
		{
			name: 'Street Address',
			value: 'streetAddress',
			description: 'INSEE code, Rivoli code and street number',
		},
		{
			name: 'Building Code',
			value: 'buildingCode',
			description: 'The code of the building (code immeuble), such as IMB/75115/X/00A1',
		},
	],
	default: 'streetAddress',
};

export const properties: INodeProperties[] = checkOperationProperties(
	INPUT_FIELDS,
	[
		{
			displayName: 'INSEE Code',
			name: 'inseeCode',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 75115',
			description:
				"The commune's INSEE code (code commune): 5 characters, 2A/2B for Corsica. Not the postcode: Paris 15th is 75115, postcode 75015.",
			displayOptions: byStreet,
		},
		{
			displayName: 'Rivoli Code',
			name: 'rivoliCode',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 2156',
			description: "The street's Rivoli code (code voie, from FANTOIR): 4 letters or digits",
			displayOptions: byStreet,
		},
		{
			displayName: 'Street Number',
			name: 'streetNumber',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 12',
			description: 'The number in the street; "12B" or "12 bis" also work',
			displayOptions: byStreet,
		},
		{
			displayName: 'Street Number Complement',
			name: 'streetNumberComplement',
			type: 'string',
			default: '',
			placeholder: 'e.g. B',
			description:
				'B (bis), T (ter), Q (quater), C (quinquies) or another letter; leave empty if none',
			displayOptions: byStreet,
		},
		{
			displayName: 'Building Code',
			name: 'buildingCode',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. IMB/75115/X/00A1',
			description: "The building's code (code immeuble), as Orange's answers give it",
			displayOptions: { ...definedBelow, show: { locateBy: ['buildingCode'] } },
		},
	],
	[locateByProperty],
);

export const execute = checkExecute(INPUT_FIELDS, (context, itemIndex, field) => {
	const node = nodeOf(context);
	const locateBy = itemParameter(context, 'locateBy', itemIndex, 'streetAddress');
	if (locateBy === 'buildingCode') {
		const buildingCode = field('buildingCode', 'Building Code');
		return { kind: 'building', buildingCode: checkBuildingCode(node, itemIndex, buildingCode) };
	}
	return {
		kind: 'address',
		inseeCode: checkInseeCode(node, itemIndex, field('inseeCode', 'INSEE Code')),
		rivoliCode: checkRivoliCode(node, itemIndex, field('rivoliCode', 'Rivoli Code')),
		...checkStreetNumber(
			node,
			itemIndex,
			field('streetNumber', 'Street Number'),
			field('streetNumberComplement', 'Street Number Complement', true),
		),
	};
});
