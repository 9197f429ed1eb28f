import { describe, expect, it } from 'vitest';

import { runNode } from '../helpers/engine.ts';
import { textOf } from '../helpers/assertions.ts';
import { credentialTypes } from '../helpers/package.ts';
import { cloudCredentials, useSandbox } from '../helpers/sandbox.ts';
import { credentialTestRequest, requestHelpers } from '../helpers/credentials.ts';

const t = useSandbox();
const type = credentialTypes.orangeCloudStoreApi;

describe('Orange Cloud Store API credential', () => {
	it('gets a token with Basic auth and a form body, and accepts expires_in as a string', async () => {
		const output = await type.preAuthentication!.call(requestHelpers(), {
			...t.credentials.store.get('cloud-credential'),
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

	it('passes its own test request against the sandbox', async () => {
		const response = await credentialTestRequest(t, 'orangeCloudStoreApi', 'cloud-credential');
		expect(response.status).toBe(200);
		expect(t.sandbox.apiRequests()[0].url).toBe('/cloud/b2b/v1/contracts?limit=1');
	});

	it('says to check the client id and secret when Orange refuses them, asks once, leaks nothing', async () => {
		t.credentials.store.set('cloud-credential', {
			...t.credentials.store.get('cloud-credential'),
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
		expect(error?.message).toBe(
			'Orange refused the token request (invalid_client: The requested service needs credentials, and the ones provided were invalid.) — check the Client ID and Client Secret of the credential (Orange Developer → My apps)',
		);
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
		t.credentials.store.set('cloud-credential', {
			...t.credentials.store.get('cloud-credential'),
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
		const token = String(t.credentials.store.get('cloud-credential')?.accessToken);
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
