import { describe, expect, it } from 'vitest';

import { CHECK_PATH, lastPlace, runCheck } from '../../../../helpers/eligibility.ts';
import { useSandbox } from '../../../../helpers/sandbox.ts';

const t = useSandbox();
const check = (
	parameters: Record<string, unknown>,
	extra: { items?: Record<string, unknown>[]; continueOnFail?: boolean } = {},
) => runCheck(t, 'checkByCoordinates', parameters, extra);
const sent = () => t.sandbox.requests.filter((r) => r.path === CHECK_PATH);

describe('eligibility checkByCoordinates', () => {
	it('sends the point (WGS84) and reads the place Orange finds there', async () => {
		const { items, error } = await check({ latitude: 48.8463, longitude: 2.3371 });
		expect(error).toBeUndefined();
		expect(lastPlace(t)).toEqual({
			'@type': 'GeographicLocation',
			latitude: 48.8463,
			longitude: 2.3371,
		});
		expect(items[0].json.address).toMatchObject({ label: '12 BIS RUE DE VAUGIRARD 75015 PARIS' });
	});

	it.each([
		['Corsica', 41.9203, 8.7369],
		['Guadeloupe', 16.2411, -61.5331],
		['Martinique', 14.6161, -61.0588],
		['French Guiana', 4.9372, -52.326],
		['La Réunion', -20.8789, 55.4481],
		['Mayotte', -12.7806, 45.2278],
	])('accepts a point in %s', async (_where, latitude, longitude) => {
		expect((await check({ latitude, longitude })).error).toBeUndefined();
		expect(sent()).toHaveLength(1);
	});

	it.each([
		[
			{ latitude: 2.3372, longitude: 48.8462 },
			'Latitude',
			'2.3372, 48.8462 is not in France (expected a point of metropolitan France and Corsica, Guadeloupe, Martinique, French Guiana, La Réunion, Mayotte)',
			'look swapped',
		],
		[
			{ latitude: 40.4168, longitude: -3.7038 },
			'Latitude',
			'40.4168, -3.7038 is not in France (expected a point of metropolitan France and Corsica, Guadeloupe, Martinique, French Guiana, La Réunion, Mayotte)',
			"Orange Wholesale France's offers cover these places only",
		],
		[
			{ latitude: 91, longitude: 2 },
			'Latitude',
			'"91" is not a latitude (expected decimal degrees between -90 and 90, WGS84, such as 48.8462)',
			'Latitude comes first',
		],
		[
			{ latitude: 48.8, longitude: '2,33x' },
			'Longitude',
			'"2,33x" is not a longitude (expected decimal degrees between -180 and 180, WGS84, such as 2.3372)',
			'Latitude comes first',
		],
	])(
		'refuses %j, naming the item and the field, and sends nothing',
		async (point, field, message, hint) => {
			const { error } = await check(point);
			expect(error?.message).toBe(`Invalid ${field} in item 0: ${message}`);
			expect(error?.description).toContain(hint);
			expect(sent()).toHaveLength(0);
		},
	);

	it('reads latitude and longitude of each item with Mapping Mode "Map Automatically", as numbers or text', async () => {
		const { items, error } = await check(
			{ mappingMode: 'autoMapInputData' },
			{
				items: [
					{ latitude: '43,6045', longitude: '1.4440' },
					{ lat: 43.6, lon: 1.44 },
				],
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(lastPlace(t)).toMatchObject({ latitude: 43.6045, longitude: 1.444 });
		expect(items[0].json.address).toMatchObject({ city: 'TOULOUSE' });
		expect(items[1].json.error).toBe(
			'Invalid Latitude in item 1: the input item has no field "latitude"',
		);
		expect(sent()).toHaveLength(1);
	});
});
