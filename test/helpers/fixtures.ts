import type { NodeRun } from './engine.ts';

/** A spreadsheet of `count` addresses, street numbers 1…count in one street of Nantes (the sandbox answers any). */
export function addressRows(count: number) {
	return Array.from({ length: count }, (_, i) => ({
		insee: '44109',
		rivoli: '0042',
		number: String(i + 1),
	}));
}

/**
 * The Eligibility node checking every row of `addressRows(count)`: read by expressions as from a
 * spreadsheet, or, with `autoMap`, from rows whose columns carry the API's names.
 */
export function checkAddressRows(
	count: number,
	{
		options = {},
		offers,
		continueOnFail = false,
		autoMap = false,
	}: {
		options?: Record<string, unknown>;
		offers?: string[];
		continueOnFail?: boolean;
		autoMap?: boolean;
	} = {},
): Omit<NodeRun, 'credentials'> {
	const rows = addressRows(count);
	return {
		type: 'orangeEligibility',
		parameters: {
			resource: 'eligibility',
			operation: 'checkByAddress',
			...(autoMap
				? { mappingMode: 'autoMapInputData' }
				: {
						inseeCode: '={{ $json.insee }}',
						rivoliCode: '={{ $json.rivoli }}',
						streetNumber: '={{ $json.number }}',
					}),
			...(offers ? { offers } : {}),
			options,
		},
		items: autoMap
			? rows.map((row) => ({
					inseeCode: row.insee,
					rivoliCode: row.rivoli,
					streetNumber: row.number,
				}))
			: rows,
		continueOnFail,
	};
}
