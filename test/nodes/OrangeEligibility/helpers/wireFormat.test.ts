import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
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

	it('never crashes on a strange answer', () => {
		expect(wire.simplifyAnswer({}, ['optimumAccess'])).toEqual({
			eligible: false,
			address: {},
			offers: { optimumAccess: { status: null, statusLabel: 'No answer for this offer' } },
		});
		const odd = wire.simplifyAnswer(
			{ results: [{ offer: 'OPTIMUM_GOLD', status: { weird: true } }, 'junk'] as never },
			[],
		);
		expect(odd.eligible).toBe(false);
		expect(Object.keys(odd.offers as object)).toEqual(['OPTIMUM_GOLD', 'undefined']);
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
