import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { runNode } from '../helpers/engine.ts';
import { textOf } from '../helpers/assertions.ts';
import { credentialTypes } from '../helpers/package.ts';
import { CLOUD, cloudCredentials, useSandbox } from '../helpers/sandbox.ts';
import { credentialTest, requestHelpers } from '../helpers/credentials.ts';

const t = useSandbox();
const type = credentialTypes.orangeCloudStoreApi;

const test = () => credentialTest(t, 'orangeCloudStoreApi', CLOUD);
const edit = (fields: ICredentialDataDecryptedObject) =>
	t.credentials.store.set(CLOUD, { ...t.credentials.store.get(CLOUD), ...fields });
const WRONG_SECRET =
	'Orange refused the token request (invalid_client: The requested service needs credentials, and the ones provided were invalid.) — check the Client ID and Client Secret of the credential (Orange Developer → My apps)';

/** A node run: the credential then holds a token, as after any execution in n8n. */
async function listContracts() {
	const { error } = await runNode(
		{
			type: 'orangeCloudStore',
			parameters: { resource: 'contract', operation: 'getMany', returnAll: true },
			credentials: cloudCredentials,
		},
		t.credentials,
	);
	expect(error).toBeUndefined();
}

describe('Orange Cloud Store API credential', () => {
	it('gets a token with Basic auth and a form body, and accepts expires_in as a string', async () => {
		const output = await type.preAuthentication!.call(requestHelpers(), {
			...t.credentials.store.get(CLOUD),
		});
		expect(output.accessToken).toMatch(/^\S{16,}$/);
		const call = t.sandbox.requests[0];
		expect(call.path).toBe('/oauth/v3/token');
		expect(call.headers.authorization).toBe(
			`Basic ${Buffer.from('sandbox-client-id:sandbox-client-secret').toString('base64')}`,
		);
		expect(call.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(call.headers.accept).toBe('application/json');
		expect(call.body).toEqual({ grant_type: 'client_credentials' });
	});

	it('passes its own test against the sandbox: a token, then one contract asked with the API key', async () => {
		expect(await test()).toEqual({ status: 'OK', message: 'Connection tested successfully' });
		const probe = t.sandbox.apiRequests()[0];
		expect(probe.url).toBe('/cloud/b2b/v1/contracts?limit=1');
		expect(probe.headers['x-api-key']).toBe('sandbox-api-key');
	});

	it("tests a changed secret for real, with Orange's words, though a node run left a token", async () => {
		await listContracts();
		expect(t.sandbox.tokenRequests).toBe(1);
		edit({ clientSecret: 'canary-wrong-secret' });
		expect(await test()).toEqual({ status: 'Error', message: WRONG_SECRET });
		expect(t.sandbox.tokenRequests).toBe(2);
		edit({ clientSecret: 'sandbox-client-secret' });
		expect(await test()).toMatchObject({ status: 'OK' });
		expect(t.sandbox.tokenRequests).toBe(2);
	});

	it('tests green when Orange ended the token it holds early, with one new token', async () => {
		await listContracts();
		t.sandbox.expireTokens();
		expect(await test()).toMatchObject({ status: 'OK' });
		expect(t.sandbox.tokenRequests).toBe(2);
		// The new token is kept for the next run.
		await listContracts();
		expect(t.sandbox.tokenRequests).toBe(2);
	});

	it('a node run after the secret changed asks Orange for a token with the new one', async () => {
		await listContracts();
		edit({ clientSecret: 'canary-wrong-secret' });
		const { error } = await runNode(
			{
				type: 'orangeCloudStore',
				parameters: { resource: 'contract', operation: 'getMany', returnAll: true },
				credentials: cloudCredentials,
			},
			t.credentials,
		);
		expect(error?.message).toBe(WRONG_SECRET);
	});

	it('says to check the client id and secret when Orange refuses them, asks once, leaks nothing', async () => {
		t.credentials.store.set(CLOUD, {
			...t.credentials.store.get(CLOUD),
			clientSecret: 'canary-wrong-secret',
		});
		const { error, run } = await runNode(
			{
				type: 'orangeCloudStore',
				parameters: { resource: 'contract', operation: 'getMany', returnAll: true },
				credentials: cloudCredentials,
			},
			t.credentials,
		);
		expect(error?.message).toBe(WRONG_SECRET);
		expect(t.sandbox.tokenRequests).toBe(1);
		expect(t.sandbox.apiRequests()).toHaveLength(0);
		const everything = textOf(run) + textOf(error);
		expect(everything).not.toContain('canary-wrong-secret');
		expect(everything).not.toContain(
			Buffer.from('sandbox-client-id:canary-wrong-secret').toString('base64'),
		);
		expect(everything).not.toContain('sandbox-api-key');
	});

	it('says the base URL is wrong when nothing answers there', async () => {
		t.credentials.store.set(CLOUD, {
			...t.credentials.store.get(CLOUD),
			baseUrl: 'http://127.0.0.1:9',
		});
		const { error } = await runNode(
			{
				type: 'orangeCloudStore',
				parameters: { resource: 'contract', operation: 'getMany', returnAll: true },
				credentials: cloudCredentials,
			},
			t.credentials,
		);
		expect(error?.message).toBe(
			"Could not reach Orange's token endpoint http://127.0.0.1:9/oauth/v3/token (connection refused): check the Base URL of the credential",
		);
	});

	it('keeps no secret in an output item or an error, in any scenario of this file', async () => {
		const result = await runNode(
			{
				type: 'orangeCloudStore',
				parameters: {
					resource: 'contract',
					operation: 'get',
					contractId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				},
				items: [{ id: 'OCB0001234' }, { id: 'OCB0000000' }],
				credentials: cloudCredentials,
				continueOnFail: true,
			},
			t.credentials,
		);
		const token = String(t.credentials.store.get(CLOUD)?.accessToken);
		expect(token.length).toBeGreaterThan(10);
		const everything = textOf(result.run);
		for (const secret of [
			'sandbox-client-secret',
			'sandbox-api-key',
			token,
			Buffer.from('sandbox-client-id:sandbox-client-secret').toString('base64'),
		]) {
			expect(everything).not.toContain(secret);
		}
	});
});
