import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const wire =
	require('../../../../dist/nodes/OrangeEligibility/helpers/wireFormat.js') as typeof import('../../../../nodes/OrangeEligibility/helpers/wireFormat');
const inputs =
	require('../../../../dist/nodes/OrangeEligibility/helpers/inputs.js') as typeof import('../../../../nodes/OrangeEligibility/helpers/inputs');

describe('eligibility wire format', () => {
	it.each([
		['ELIGIBLE_DEPLOYED', 'ELIGIBLE_DEPLOYED'],
		['eligible', 'ELIGIBLE_DEPLOYED'],
		['eligibleDeployed', 'ELIGIBLE_DEPLOYED'],
		['Eligible réseau déployé', 'ELIGIBLE_DEPLOYED'],
		['ELIGIBLE RESEAU DEPLOYE', 'ELIGIBLE_DEPLOYED'],
		['ELIGIBLE_PARTIALLY_DEPLOYED', 'ELIGIBLE_PARTIALLY_DEPLOYED'],
		['partiallyDeployed', 'ELIGIBLE_PARTIALLY_DEPLOYED'],
		['eligiblePartiallyDeployed', 'ELIGIBLE_PARTIALLY_DEPLOYED'],
		['Eligible réseau partiellement déployé', 'ELIGIBLE_PARTIALLY_DEPLOYED'],
		['NOT_ELIGIBLE', 'NOT_ELIGIBLE'],
		['notEligible', 'NOT_ELIGIBLE'],
		['Inéligible', 'NOT_ELIGIBLE'],
		['ineligible', 'NOT_ELIGIBLE'],
		['non éligible', 'NOT_ELIGIBLE'],
		['UNDER_STUDY', undefined],
		['', undefined],
		[42, undefined],
		[null, undefined],
	])('reads the status %j as %s', (value, expected) => {
		expect(wire.canonicalStatus(value)).toBe(expected);
	});

	it.each([
		['eligible', undefined, 'ELIGIBLE_DEPLOYED'],
		['eligible', 'PartiallydeployedExtention', 'ELIGIBLE_PARTIALLY_DEPLOYED'],
		['eligible', 'partiallyDeployed', 'ELIGIBLE_PARTIALLY_DEPLOYED'],
		['Eligible réseau déployé', 'réseau partiellement déployé', 'ELIGIBLE_PARTIALLY_DEPLOYED'],
		['notEligible', 'notDeployed', 'NOT_ELIGIBLE'],
		['notEligible', 'PartiallydeployedExtention', 'NOT_ELIGIBLE'],
		['underStudy', 'notDeployed', undefined],
	])('reads the result %j with the reason %j as %s', (result, reason, expected) => {
		expect(wire.canonicalStatus(result, reason)).toBe(expected);
	});

	it.each([
		['FTTE_NRO', ['optimumAccess']],
		['ftte_pm', ['optimumPm']],
		['FTTE_active', ['optimumEthernetEntreprise', 'optimumEthernetLan']],
		['Optimum Ethernet LAN', ['optimumEthernetLan']],
		['OPTIMUM_ETHERNET_ENTREPRISE', ['optimumEthernetEntreprise']],
		['optimumPm', ['optimumPm']],
		['FTTH', []],
		[undefined, []],
	])('knows which offers %j names', (name, keys) => {
		expect(wire.offersNamedBy(name)).toEqual(keys);
	});

	const requester = { login: 'operateur.demo', siren: '552081317', contractNumber: 'OPT-1' };
	it.each([
		[
			{ kind: 'address', inseeCode: '75115', rivoliCode: '2156', streetNumber: '12' },
			{ '@type': 'GeographicAddress', inseeCode: '75115', rivoliCode: '2156', streetNr: '12' },
		],
		[
			{
				kind: 'address',
				inseeCode: '75115',
				rivoliCode: '9716',
				streetNumber: '12',
				streetNumberComplement: 'B',
			},
			{
				'@type': 'GeographicAddress',
				inseeCode: '75115',
				rivoliCode: '9716',
				streetNr: '12',
				streetNrSuffix: 'B',
			},
		],
		[
			{ kind: 'building', buildingCode: 'IMB/75115/X/00A1' },
			{ '@type': 'GeographicSubAddress', buildingCodeOI: 'IMB/75115/X/00A1' },
		],
		[
			{ kind: 'line', nd: '0142000001', ndStatus: 'inactive' },
			{ '@type': 'AccessLine', nd: '0142000001', ndStatus: 'inactive' },
		],
		[
			{ kind: 'text', address: '12 bis rue de Vaugirard, 75015 Paris' },
			{ '@type': 'TextualAddress', label: '12 bis rue de Vaugirard, 75015 Paris' },
		],
		[
			{ kind: 'point', latitude: 48.8462, longitude: 2.3372 },
			{ '@type': 'GeographicLocation', latitude: 48.8462, longitude: 2.3372 },
		],
	] as const)('builds the request for %j', (place, onWire) => {
		expect(
			wire.eligibilityRequestBody(requester, ['optimumPm', 'optimumEthernetLan'], place as never),
		).toEqual({
			instantSyncQualification: true,
			provideUnavailabilityReason: true,
			relatedParty: [
				{ role: 'requester', id: 'operateur.demo', siren: '552081317', contractNumber: 'OPT-1' },
			],
			productOfferingQualificationItem: [
				{ id: '1', productOffering: { id: 'FTTE_PM', name: 'Optimum PM' } },
				{ id: '2', productOffering: { id: 'FTTE_active', name: 'Optimum Ethernet LAN' } },
			],
			place: onWire,
		});
	});

	it.each([
		['552081317', true],
		['732829320', true],
		['552081318', false],
		['55208131', false],
		['5520813170', false],
		['abcdefghi', false],
		['000000000', false],
	])('checks the SIREN %s (Luhn): %s', (siren, valid) => {
		expect(inputs.isValidSiren(siren)).toBe(valid);
	});
});

describe('the wire lives in one file', () => {
	// Field names, types and codes of the eligibility wire (v2, and v1's, retired), and its path.
	const WIRE_WORDS = [
		'productOfferingQualificationItem',
		'productOffering',
		'qualificationItemResult',
		'qualificationItemReason',
		'instantSyncQualification',
		'provideUnavailabilityReason',
		'relatedParty',
		'geographicSite',
		'geographicSubAddress',
		'buildingCodeOI',
		'characteristic',
		'streetNr',
		'streetNrSuffix',
		'GeographicAddress',
		'GeographicSubAddress',
		'GeographicLocation',
		'TextualAddress',
		'AccessLine',
		'FTTE_NRO',
		'FTTE_PM',
		'FTTE_active',
		'codeNRO',
		'codePM',
		'OPTIMUM_ACCESS',
		'eligibilite-operateur',
	];
	const shipped = (folder: string): string[] =>
		readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
			.filter((file) => file.endsWith('.ts'))
			.map((file) => join(folder, file));
	const withoutComments = (source: string) =>
		source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

	it('no shipped file but wireFormat.ts builds or reads a wire field name', () => {
		const files = [...shipped('nodes'), ...shipped('credentials')];
		expect(files).toContain(join('nodes', 'OrangeEligibility', 'helpers', 'wireFormat.ts'));
		const found = files
			.filter((file) => !file.endsWith(join('helpers', 'wireFormat.ts')))
			.flatMap((file) => {
				const code = withoutComments(readFileSync(join(ROOT, file), 'utf8'));
				return WIRE_WORDS.filter((word) =>
					new RegExp(`(^|[^A-Za-z0-9_])${word}($|[^A-Za-z0-9_])`).test(code),
				).map((word) => `${file}: ${word}`);
			});
		expect(found).toEqual([]);
	});

	it('wireFormat.ts does name them (the scan above looks for the right words)', () => {
		const code = readFileSync(join(ROOT, 'nodes/OrangeEligibility/helpers/wireFormat.ts'), 'utf8');
		expect(WIRE_WORDS.filter((word) => !code.includes(word))).toEqual([]);
	});
});
