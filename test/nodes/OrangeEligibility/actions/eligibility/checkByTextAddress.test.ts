import { describe, expect, it } from 'vitest';

import { CHECK_PATH, lastPlace, runCheck } from '../../../../helpers/eligibility.ts';
import { useSandbox } from '../../../../helpers/sandbox.ts';

const t = useSandbox();
const check = (
	parameters: Record<string, unknown>,
	extra: { items?: Record<string, unknown>[]; continueOnFail?: boolean } = {},
) => runCheck(t, 'checkByTextAddress', parameters, extra);

describe('eligibility checkByTextAddress', () => {
	it('sends the address as one line and reads the normalised address Orange answers', async () => {
		const { items, error } = await check({ address: '  12 bis rue de Vaugirard,\n 75015 Paris ' });
		expect(error).toBeUndefined();
		expect(lastPlace(t)).toEqual({
			'@type': 'TextualAddress',
			label: '12 bis rue de Vaugirard, 75015 Paris',
		});
		expect(items[0].json).toMatchObject({
			eligible: true,
			address: {
				inseeCode: '75115',
				rivoliCode: '9716',
				streetNumber: '12',
				streetNumberComplement: 'B',
				streetName: 'RUE DE VAUGIRARD',
				postcode: '75015',
				city: 'PARIS',
				label: '12 BIS RUE DE VAUGIRARD 75015 PARIS',
				buildingCode: 'IMB/75115/V/0012',
			},
		});
	});

	it.each([
		'12 BIS RUE DE VAUGIRARD 75015 PARIS',
		'12B rue de Vaugirard 75015 Paris',
		'12 bis, Rue de Vaugirard — 75015 PARIS',
	])('finds the same place for %j (case, accents and spaces ignored)', async (address) => {
		const { items } = await check({ address });
		expect(items[0].json.address).toMatchObject({ buildingCode: 'IMB/75115/V/0012' });
	});

	it("reports Orange's 404 for an address it cannot place", async () => {
		const { error } = await check({ address: 'Chez Marcel, au fond à gauche' });
		expect(error?.message).toBe(
			'Orange Eligibility: Address not found in the Orange address repository',
		);
	});

	it('reads the field "address" of each item with Mapping Mode "Map Automatically"', async () => {
		const { items, error } = await check(
			{ mappingMode: 'autoMapInputData' },
			{
				items: [
					{ address: '7 place du Capitole 31000 Toulouse' },
					{ street: 'x' },
					{ address: '12' },
				],
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(items[0].json.address).toMatchObject({ city: 'TOULOUSE' });
		expect(items[1].json.error).toBe(
			'Invalid Address in item 1: the input item has no field "address"',
		);
		expect(items[2].json.error).toBe(
			'Invalid Address in item 2: "12" is not a postal address (expected number, street, postcode and city on one line, such as 12 bis rue de Vaugirard, 75015 Paris)',
		);
		expect(t.sandbox.requests.filter((r) => r.path === CHECK_PATH)).toHaveLength(1);
	});
});
