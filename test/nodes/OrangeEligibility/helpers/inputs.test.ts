import { describe, expect, it } from 'vitest';

import { runNode } from '../../../helpers/engine.ts';
import { ELIGIBILITY, useSandbox } from '../../../helpers/sandbox.ts';

const t = useSandbox();
const credentials = { orangeEligibilityApi: ELIGIBILITY };
const paris = { inseeCode: '75115', rivoliCode: '2156', streetNumber: '12' };

// Values come through expressions, as they would from a spreadsheet row.
const expr = (value: string) => `={{ ${JSON.stringify(value)} }}`;

const cases: [string, Record<string, unknown>, string][] = [
	[
		'ND too short',
		{ operation: 'checkByNd', nd: expr('01 42 00 00') },
		'Invalid Line Number in item 0: "01 42 00 00" is not a French line number (expected an ND: 10 digits starting with 0, such as 01 42 00 00 01; spaces and +33 accepted)',
	],
	[
		'ND not starting with 0',
		{ operation: 'checkByNd', nd: expr('1142000001') },
		'Invalid Line Number in item 0: "1142000001" is not a French line number (expected an ND: 10 digits starting with 0, such as 01 42 00 00 01; spaces and +33 accepted)',
	],
	[
		'ND 00 prefix',
		{ operation: 'checkByNd', nd: expr('0042000001') },
		'Invalid Line Number in item 0: "0042000001" is not a French line number (expected an ND: 10 digits starting with 0, such as 01 42 00 00 01; spaces and +33 accepted)',
	],
	[
		'ND with letters',
		{ operation: 'checkByNd', nd: expr('01 42 AB 00 01') },
		'Invalid Line Number in item 0: "01 42 AB 00 01" is not a French line number (expected an ND: 10 digits starting with 0, such as 01 42 00 00 01; spaces and +33 accepted)',
	],
	[
		'ND +44',
		{ operation: 'checkByNd', nd: expr('+44 20 7946 0000') },
		'Invalid Line Number in item 0: "+44 20 7946 0000" is not a French line number (expected an ND: 10 digits starting with 0, such as 01 42 00 00 01; spaces and +33 accepted)',
	],
	[
		'ND empty',
		{ operation: 'checkByNd', nd: expr(' ') },
		'Invalid Line Number in item 0: it is empty (expected an ND: 10 digits starting with 0, such as 01 42 00 00 01; spaces and +33 accepted)',
	],
	[
		'INSEE 4 digits',
		{ ...paris, inseeCode: expr('7511') },
		'Invalid INSEE Code in item 0: "7511" is not an INSEE commune code (expected 5 characters, such as 75115 or 2A004)',
	],
	[
		'INSEE 2C',
		{ ...paris, inseeCode: expr('2C004') },
		'Invalid INSEE Code in item 0: "2C004" is not an INSEE commune code (expected 5 characters, such as 75115 or 2A004)',
	],
	[
		'INSEE 00',
		{ ...paris, inseeCode: expr('00123') },
		'Invalid INSEE Code in item 0: "00123" is not an INSEE commune code (expected 5 characters, such as 75115 or 2A004)',
	],
	[
		'Rivoli 3 chars',
		{ ...paris, rivoliCode: expr('215') },
		'Invalid Rivoli Code in item 0: "215" is not a Rivoli street code (expected 4 letters or digits, such as 2156)',
	],
	[
		'Rivoli symbol',
		{ ...paris, rivoliCode: expr('21-6') },
		'Invalid Rivoli Code in item 0: "21-6" is not a Rivoli street code (expected 4 letters or digits, such as 2156)',
	],
	[
		'street number 0',
		{ ...paris, streetNumber: expr('0') },
		'Invalid Street Number in item 0: "0" is not a street number (expected digits, such as 12 or 12B)',
	],
	[
		'street number words',
		{ ...paris, streetNumber: expr('twelve') },
		'Invalid Street Number in item 0: "twelve" is not a street number (expected digits, such as 12 or 12B)',
	],
	[
		'street number range',
		{ ...paris, streetNumber: expr('12-14') },
		'Invalid Street Number in item 0: "12-14" is not a street number (expected digits, such as 12 or 12B)',
	],
	[
		'complement word',
		{ ...paris, streetNumberComplement: expr('bs') },
		'Invalid Street Number Complement in item 0: "bs" is not a complement (expected one letter such as B, T, Q or C, or BIS, TER, QUATER, QUINQUIES, or empty)',
	],
	[
		'complement contradiction',
		{ ...paris, streetNumber: expr('12B'), streetNumberComplement: expr('T') },
		'Invalid Street Number Complement in item 0: "T" contradicts the street number "12B"',
	],
	[
		'building code path',
		{ locateBy: 'buildingCode', buildingCode: expr('IMB/../x') },
		'Invalid Building Code in item 0: "IMB/../x" is not a building code (expected a code such as IMB/75115/X/00A1)',
	],
	[
		'building code spaces',
		{ locateBy: 'buildingCode', buildingCode: expr('IMB 75115') },
		'Invalid Building Code in item 0: "IMB 75115" is not a building code (expected a code such as IMB/75115/X/00A1)',
	],
	[
		'no offer',
		{ ...paris, offers: '={{ [] }}' },
		'Invalid Offers in item 0: choose at least one offer (expected some of optimumAccess, optimumPm, optimumEthernetEntreprise, optimumEthernetLan)',
	],
	[
		'unknown offer',
		{ ...paris, offers: '={{ ["optimumGold"] }}' },
		'Invalid Offers in item 0: "optimumGold" is not one of optimumAccess, optimumPm, optimumEthernetEntreprise, optimumEthernetLan',
	],
	[
		'ND status unknown',
		{ operation: 'checkByNd', nd: '0142000001', ndStatus: expr('resilie') },
		'Invalid Line Status in item 0: "resilie" is not one of active, inactive',
	],
	[
		'text address without letters',
		{ operation: 'checkByTextAddress', address: expr('75015 75015') },
		'Invalid Address in item 0: "75015 75015" is not a postal address (expected number, street, postcode and city on one line, such as 12 bis rue de Vaugirard, 75015 Paris)',
	],
	[
		'text address empty',
		{ operation: 'checkByTextAddress', address: expr('   ') },
		'Invalid Address in item 0: it is empty (expected number, street, postcode and city on one line, such as 12 bis rue de Vaugirard, 75015 Paris)',
	],
	[
		'text address too long',
		{ operation: 'checkByTextAddress', address: expr(`1 rue ${'x'.repeat(200)}`) },
		'Invalid Address in item 0: it is longer than 200 characters (expected number, street, postcode and city on one line, such as 12 bis rue de Vaugirard, 75015 Paris)',
	],
	[
		'latitude not a number',
		{ operation: 'checkByCoordinates', latitude: expr('north'), longitude: 2.3 },
		'Invalid Latitude in item 0: "north" is not a latitude (expected decimal degrees between -90 and 90, WGS84, such as 48.8462)',
	],
	[
		'point at sea off Brittany',
		{ operation: 'checkByCoordinates', latitude: 47.5, longitude: -7.5 },
		'Invalid Latitude in item 0: 47.5, -7.5 is not in France (expected a point of metropolitan France and Corsica, Guadeloupe, Martinique, French Guiana, La Réunion, Mayotte)',
	],
];

describe('eligibility input checks (nothing is sent)', () => {
	it.each(cases)('%s', async (_name, parameters, message) => {
		const { error } = await runNode(
			{
				type: 'orangeEligibility',
				parameters: { resource: 'eligibility', operation: 'checkByAddress', ...parameters },
				credentials,
			},
			t.credentials,
		);
		expect(error?.message).toBe(message);
		expect(error?.name).toBe('NodeOperationError');
		expect(t.sandbox.requests).toHaveLength(0);
	});

	it('names the item that is wrong among many, and the others go on with Continue On Fail', async () => {
		const items = [{ nd: '0142000001' }, { nd: '12' }, { nd: '0472000002' }];
		const { items: output, error } = await runNode(
			{
				type: 'orangeEligibility',
				parameters: { resource: 'eligibility', operation: 'checkByNd', nd: '={{ $json.nd }}' },
				items,
				credentials,
				continueOnFail: true,
			},
			t.credentials,
		);
		expect(error).toBeUndefined();
		expect(output.map((i) => i.json.nd ?? i.json.error)).toEqual([
			'0142000001',
			'Invalid Line Number in item 1: "12" is not a French line number (expected an ND: 10 digits starting with 0, such as 01 42 00 00 01; spaces and +33 accepted)',
			'0472000002',
		]);
		expect(t.sandbox.eligibilityChecks).toBe(2);
	});
});
