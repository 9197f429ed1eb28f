import type { NodeRun } from './engine.ts';

/** A spreadsheet of `count` addresses, street numbers 1…count in one street of Nantes (the sandbox answers any). */
export function addressRows(count: number) {
	return Array.from({ length: count }, (_, i) => ({
		insee: '44109',
		rivoli: '0042',
		number: String(i + 1),
	}));
}

/** The Eligibility node checking every row of `addressRows(count)`, read by expressions as from a spreadsheet. */
export function checkAddressRows(
	count: number,
	{
		options = {},
		offers,
		continueOnFail = false,
	}: { options?: Record<string, unknown>; offers?: string[]; continueOnFail?: boolean } = {},
): Omit<NodeRun, 'credentials'> {
	return {
		type: 'orangeEligibility',
		parameters: {
			resource: 'eligibility',
			operation: 'checkByAddress',
			inseeCode: '={{ $json.insee }}',
			rivoliCode: '={{ $json.rivoli }}',
			streetNumber: '={{ $json.number }}',
			...(offers ? { offers } : {}),
			options,
		},
		items: addressRows(count),
		continueOnFail,
	};
}
