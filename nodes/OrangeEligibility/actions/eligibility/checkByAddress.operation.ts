import type { INodeProperties } from 'n8n-workflow';

import { nodeOf } from '../../../shared/items';
import { itemParameter } from '../../../shared/parameters';
import { checkOperationProperties, definedBelow } from '../../descriptions/options';
import { checkExecute } from '../../helpers/check';
import {
	checkBuildingCode,
	checkInseeCode,
	checkRivoliCode,
	checkStreetNumber,
} from '../../helpers/inputs';

const byStreet = { show: { ...definedBelow.show, locateBy: ['streetAddress'] } };
const EXPECTED_FIELDS =
	'inseeCode, rivoliCode and streetNumber (streetNumberComplement if any), or buildingCode with Locate By "Building Code"';

export const option = {
	name: 'Check by Address',
	value: 'checkByAddress',
	description: 'Check the Optimum offers at an address or a building',
	action: 'Check eligibility of an address',
};

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
			description: 'The code immeuble of the building',
		},
	],
	default: 'streetAddress',
};

export const properties: INodeProperties[] = checkOperationProperties(
	EXPECTED_FIELDS,
	[
		{
			displayName: 'INSEE Code (Code Commune)',
			name: 'inseeCode',
			type: 'string',
			default: '',
			required: true,
			placeholder: '75115',
			description: 'The INSEE code of the commune: 5 characters (2A/2B for Corsica)',
			displayOptions: byStreet,
		},
		{
			displayName: 'Rivoli Code (Code Voie)',
			name: 'rivoliCode',
			type: 'string',
			default: '',
			required: true,
			placeholder: '2156',
			description: 'The Rivoli (FANTOIR) code of the street: 4 characters',
			displayOptions: byStreet,
		},
		{
			displayName: 'Street Number',
			name: 'streetNumber',
			type: 'string',
			default: '',
			required: true,
			placeholder: '12',
			description: 'The number in the street; "12B" or "12 bis" also work',
			displayOptions: byStreet,
		},
		{
			displayName: 'Street Number Complement',
			name: 'streetNumberComplement',
			type: 'string',
			default: '',
			placeholder: 'B',
			description:
				'B (bis), T (ter), Q (quater), C (quinquies) or another letter; leave empty if none',
			displayOptions: byStreet,
		},
		{
			displayName: 'Building Code (Code Immeuble)',
			name: 'buildingCode',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'IMB/75115/X/00A1',
			displayOptions: { show: { ...definedBelow.show, locateBy: ['buildingCode'] } },
		},
	],
	[locateByProperty],
);

export const execute = checkExecute(EXPECTED_FIELDS, (context, itemIndex, field) => {
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
