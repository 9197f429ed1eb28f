import { runNode } from './engine.ts';
import type { TestContext } from './sandbox.ts';
import { ELIGIBILITY } from './sandbox.ts';

/** Where the sandbox answers checks: the default Eligibility API Path. */
export const CHECK_PATH = '/eligibilite-operateur/v1/productOfferingQualification';

/** The eligibility checks the sandbox received (token requests left out). */
export const sentChecks = (t: TestContext) =>
	t.sandbox.requests.filter((request) => request.path === CHECK_PATH);

/** The place of the last check the sandbox received, as sent. */
export const lastPlace = (t: TestContext) =>
	(t.sandbox.requests.at(-1)!.body as { place: Record<string, unknown> }).place;

/** Runs the Eligibility node once with one of its operations. */
export function runCheck(
	t: TestContext,
	operation: string,
	parameters: Record<string, unknown>,
	extra: { items?: Record<string, unknown>[]; continueOnFail?: boolean; typeVersion?: number } = {},
) {
	return runNode(
		{
			type: 'orangeEligibility',
			parameters: { resource: 'eligibility', operation, ...parameters },
			credentials: { orangeEligibilityApi: ELIGIBILITY },
			...extra,
		},
		t.credentials,
	);
}
