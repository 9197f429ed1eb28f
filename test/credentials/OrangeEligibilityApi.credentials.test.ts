import { describe, expect, it } from 'vitest';

import { credentialTestRequest } from '../helpers/credentials.ts';
import { credentialTypes } from '../helpers/package.ts';
import { ELIGIBILITY, useSandbox } from '../helpers/sandbox.ts';

const t = useSandbox();
const type = credentialTypes.orangeEligibilityApi;

/** n8n's verdict for a test request: an answer matching a rule fails the test with its message. */
async function verdict(): Promise<string> {
	const response = await credentialTestRequest(t, 'orangeEligibilityApi', ELIGIBILITY);
	const body = (await response.json()) as Record<string, unknown>;
	for (const rule of type.test!.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && body[rule.properties.key] === rule.properties.value)
			return rule.properties.message;
	}
	return 'OK';
}

describe('Orange Eligibility API credential', () => {
	it('tests green with the sandbox requester, whatever Orange says of the probe line', async () => {
		expect(await verdict()).toBe('OK');
		expect(t.sandbox.requests.at(-1)!.status).toBe(404);
		expect(t.sandbox.requests.at(-1)!.body).toMatchObject({
			requester: { login: 'operateur.demo', siren: '552081317' },
		});
	});

	it('tests red, naming what to check, for a requester Orange does not know', async () => {
		t.credentials.store.set(ELIGIBILITY, {
			...t.credentials.store.get(ELIGIBILITY),
			login: 'someone.else',
		});
		expect(await verdict()).toBe(
			'Orange refused the requester: check the Espace Opérateur login, the SIREN and the contract number',
		);
	});

	it("tests red with Orange's words for a wrong client secret", async () => {
		t.credentials.store.set(ELIGIBILITY, {
			...t.credentials.store.get(ELIGIBILITY),
			clientSecret: 'nope',
		});
		await expect(credentialTestRequest(t, 'orangeEligibilityApi', ELIGIBILITY)).rejects.toThrow(
			'Orange refused the token request (invalid_client: The requested service needs credentials, and the ones provided were invalid.) — check the Client ID and Client Secret of the credential (Orange Developer → My apps)',
		);
	});
});
