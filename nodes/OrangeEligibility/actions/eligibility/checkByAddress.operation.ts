import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { nodeOf } from '../../../shared/items';
import { itemParameter } from '../../../shared/parameters';
import {
	definedBelow,
	mappingModeProperty,
	offersProperty,
	optionsProperty,
	simplifyProperty,
} from '../../descriptions/options';
import { checkEligibility, fieldReaderFor, offersOf } from '../../helpers/check';
import {
	checkBuildingCode,
	checkInseeCode,
	checkRivoliCode,
	checkStreetNumber,
} from '../../helpers/inputs';
import type { CheckedPlace } from '../../helpers/wireFormat';

const byStreet = { show: { ...definedBelow.show, locateBy: ['streetAddress'] } };
const EXPECTED_FIELDS =
	'inseeCode, rivoliCode and streetNumber (streetNumberComplement if any), or buildingCode with Locate By "Building Code"';

const properties: INodeProperties[] = [
	{
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
	},
	mappingModeProperty(EXPECTED_FIELDS),
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
	offersProperty,
	simplifyProperty,
	optionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['eligibility'], operation: ['checkByAddress'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const node = nodeOf(this);
	const locateBy = itemParameter(this, 'locateBy', itemIndex, 'streetAddress') as string;
	const field = fieldReaderFor.call(this, itemIndex, EXPECTED_FIELDS);
	let place: CheckedPlace;
	if (locateBy === 'buildingCode') {
		place = {
			kind: 'building',
			buildingCode: checkBuildingCode(node, itemIndex, field('buildingCode', 'Building Code')),
		};
	} else {
		place = {
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
	}
	const offers = offersOf.call(this, itemIndex);
	return await checkEligibility.call(this, itemIndex, offers, place);
}
