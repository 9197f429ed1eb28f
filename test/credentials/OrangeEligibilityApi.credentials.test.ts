import { createRequire } from 'node:module';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { SANDBOX_CLIENT } from '../../sandbox/data.ts';
import { credentialTest, requestHelpers } from '../helpers/credentials.ts';
import { credentialTypes } from '../helpers/package.ts';
import { runNode } from '../helpers/engine.ts';
import { ELIGIBILITY, useSandbox } from '../helpers/sandbox.ts';

// A second Orange application, as when a credential is moved to another one.
const SECOND_CLIENT = { clientId: 'second-client-id', clientSecret: 'second-client-secret' };
const t = useSandbox({ clients: [SANDBOX_CLIENT, SECOND_CLIENT] });

const test = () => credentialTest(t, 'orangeEligibilityApi', ELIGIBILITY);
const edit = (fields: ICredentialDataDecryptedObject) =>
	t.credentials.store.set(ELIGIBILITY, { ...t.credentials.store.get(ELIGIBILITY), ...fields });
const { heldTokenIsUsable } = createRequire(import.meta.url)(
	'../../dist/nodes/shared/gateway.js',
) as typeof import('../../nodes/shared/gateway');
const formatMessage = (code: number) =>
	`Orange did not understand the eligibility request (code ${code}): the client and requester may be right, but the request format or path differs from your API reference. Check the Eligibility API Path field, and see the README, section "The eligibility wire"`;
const WRONG_SECRET =
	'Orange refused the token request (invalid_client: The requested service needs credentials, and the ones provided were invalid.) — check the Client ID and Client Secret of the credential (Orange Developer → My apps)';

/** A node run: the credential then holds a token, as after any execution in n8n. */
async function checkALine() {
	const { error } = await runNode(
		{
			type: 'orangeEligibility',
			parameters: { resource: 'eligibility', operation: 'checkByNd', nd: '0142000001' },
			credentials: { orangeEligibilityApi: ELIGIBILITY },
		},
		t.credentials,
	);
	expect(error).toBeUndefined();
	expect(t.credentials.store.get(ELIGIBILITY)!.accessToken).not.toBe('');
}

describe('Orange Eligibility API credential', () => {
	it('tests green with the sandbox requester: a check of one offer at a point, sent to the credential path', async () => {
		expect(await test()).toEqual({ status: 'OK', message: 'Connection tested successfully' });
		const probe = t.sandbox.requests.at(-1)!;
		expect(probe.path).toBe('/eligibilite-operateur/v1/productOfferingQualification');
		expect(probe.status).toBe(200);
		expect(probe.body).toEqual({
			instantSyncQualification: true,
			provideUnavailabilityReason: true,
			relatedParty: [
				{
					role: 'requester',
					id: 'operateur.demo',
					siren: '552081317',
					contractNumber: 'OPT-2024-000123',
				},
			],
			productOfferingQualificationItem: [
				{ id: '1', productOffering: { id: 'FTTE_NRO', name: 'Optimum Access' } },
			],
			place: { '@type': 'GeographicLocation', latitude: 48.8566, longitude: 2.3522 },
		});
		// The mark that has a stale token renewed is not sent with the probe.
		expect(Object.keys(probe.headers)).not.toContain('x-n8n-orange-credential-test');
	});

	it('tests red, naming the path field, when the path is not the endpoint (Orange code 60)', async () => {
		edit({ eligibilityPath: '/eligibilite-operateur/v9/nothing' });
		expect(await test()).toEqual({ status: 'Error', message: formatMessage(60) });
		expect(t.sandbox.requests.at(-1)!.path).toBe('/eligibilite-operateur/v9/nothing');
	});

	it('tests red, naming the wire, when the endpoint does not understand the request (code 24)', async () => {
		t.sandbox.addFault({
			kind: 'status',
			status: 400,
			path: '/eligibilite-operateur/',
			body: { code: 24, message: 'Invalid body field', description: 'place' },
		});
		expect(await test()).toEqual({ status: 'Error', message: formatMessage(24) });
	});

	it('asks for a token with the scope only when the credential has one', async () => {
		const type = credentialTypes.orangeEligibilityApi;
		const data = t.credentials.store.get(ELIGIBILITY)!;
		const plain = (await type.preAuthentication!.call(requestHelpers(), {
			...data,
		})) as ICredentialDataDecryptedObject;
		await type.preAuthentication!.call(requestHelpers(), {
			...data,
			scope: ' owf:eligibility:read ',
		});
		const [withoutScope, withScope] = t.sandbox.requests.map((request) => request.body);
		expect(withoutScope).toEqual({ grant_type: 'client_credentials' });
		expect(withScope).toEqual({ grant_type: 'client_credentials', scope: 'owf:eligibility:read' });
		// A token held for no scope is not sent once a scope is set: it was issued without it.
		expect(heldTokenIsUsable({ ...data, ...plain })).toBe(true);
		expect(heldTokenIsUsable({ ...data, ...plain, scope: 'owf:eligibility:read' })).toBe(false);
	});

	it('tests red, naming what to check, for a requester Orange does not know', async () => {
		edit({ login: 'someone.else' });
		expect(await test()).toEqual({
			status: 'Error',
			message:
				'Orange refused the requester: check the Espace Opérateur login, the SIREN and the contract number',
		});
	});

	it("tests red with Orange's words for a wrong client secret", async () => {
		edit({ clientSecret: 'nope' });
		expect(await test()).toEqual({ status: 'Error', message: WRONG_SECRET });
		expect(t.sandbox.apiRequests()).toHaveLength(0);
	});

	it('tests a changed secret for real, though the credential holds a token from a node run', async () => {
		await checkALine();
		expect(t.sandbox.tokenRequests).toBe(1);
		edit({ clientSecret: 'nope' });
		expect(await test()).toEqual({ status: 'Error', message: WRONG_SECRET });
		expect(t.sandbox.tokenRequests).toBe(2);
		// Back to the right secret: the token it was issued for serves again.
		edit({ clientSecret: 'sandbox-client-secret' });
		expect(await test()).toMatchObject({ status: 'OK' });
		expect(t.sandbox.tokenRequests).toBe(2);
	});

	it('gets a token of its own after the client ID changed, and keeps it', async () => {
		await checkALine();
		const first = t.credentials.store.get(ELIGIBILITY)!.accessToken;
		edit(SECOND_CLIENT);
		expect(await test()).toMatchObject({ status: 'OK' });
		expect(t.sandbox.tokenRequests).toBe(2);
		expect(t.sandbox.requests.at(-2)!.headers.authorization).toBe(
			`Basic ${Buffer.from('second-client-id:second-client-secret').toString('base64')}`,
		);
		const second = t.credentials.store.get(ELIGIBILITY)!.accessToken;
		expect(second).not.toBe(first);
		expect(t.sandbox.requests.at(-1)!.headers.authorization).toBe(`Bearer ${String(second)}`);
		await checkALine();
		expect(t.sandbox.tokenRequests).toBe(2);
	});

	it('tests green when the token it holds has expired, with one new token', async () => {
		await checkALine();
		t.sandbox.expireTokens();
		edit({ accessTokenExpiresAt: new Date(Date.now() - 1000).toISOString() });
		expect(await test()).toMatchObject({ status: 'OK' });
		expect(t.sandbox.tokenRequests).toBe(2);
	});

	it('says so when Orange expired the token before its time, and the next run renews it', async () => {
		await checkALine();
		t.sandbox.expireTokens();
		// A test judged by rules cannot ask n8n for a new token on a 401 it did not foresee.
		expect(await test()).toEqual({
			status: 'Error',
			message:
				'Orange says the access token n8n keeps for this credential has expired: the next run of an Orange Eligibility node renews it, then test again',
		});
		await checkALine();
		expect(t.sandbox.tokenRequests).toBe(2);
		expect(await test()).toMatchObject({ status: 'OK' });
	});
});
