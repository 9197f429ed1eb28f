import { afterAll, afterEach, beforeAll } from 'vitest';

import { SANDBOX_API_KEY, SANDBOX_CLIENT, SANDBOX_REQUESTER } from '../../sandbox/data.ts';
import type { OrangeSandbox, SandboxOptions } from '../../sandbox/server.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { TestCredentialsHelper } from './engine.ts';

export const CLOUD = 'cloud-credential';
export const ELIGIBILITY = 'eligibility-credential';

export interface TestContext {
	sandbox: OrangeSandbox;
	credentials: TestCredentialsHelper;
}

/** Starts a sandbox for the file and gives each test fresh data and a credential with no token yet. */
export function useSandbox(options: SandboxOptions = {}): TestContext {
	const context = {} as TestContext;
	beforeAll(async () => {
		context.sandbox = await startSandbox(options);
	});
	afterAll(async () => {
		await context.sandbox.stop();
	});
	beforeAll(() => resetContext(context));
	afterEach(() => resetContext(context));
	return context;
}

export function resetContext(context: TestContext): void {
	context.sandbox.resetData();
	context.credentials = new TestCredentialsHelper();
	context.credentials.store.set(CLOUD, {
		clientId: SANDBOX_CLIENT.clientId,
		clientSecret: SANDBOX_CLIENT.clientSecret,
		apiKey: SANDBOX_API_KEY,
		baseUrl: context.sandbox.url,
		accessToken: '',
	});
	context.credentials.store.set(ELIGIBILITY, {
		clientId: SANDBOX_CLIENT.clientId,
		clientSecret: SANDBOX_CLIENT.clientSecret,
		...SANDBOX_REQUESTER,
		baseUrl: context.sandbox.url,
		accessToken: '',
	});
}

export const cloudCredentials = { orangeCloudStoreApi: CLOUD };
