import { afterAll, afterEach, beforeAll } from 'vitest';

import { sandboxCredentialData } from '../../sandbox/client.ts';
import type { OrangeSandbox, SandboxOptions } from '../../sandbox/server.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { TestCredentialsHelper } from './engine.ts';
import { forgetSharedTokens } from './package.ts';

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
	// The sandbox forgets every token it gave, as if Orange had ended them: so does the package.
	context.sandbox.resetData();
	forgetSharedTokens();
	context.credentials = new TestCredentialsHelper();
	storeSandboxCredentials(context.credentials, context.sandbox.url);
}

/** Both credentials, pointing at the sandbox at `url`, with no token yet: under CLOUD and ELIGIBILITY. */
export function storeSandboxCredentials(credentials: TestCredentialsHelper, url: string): void {
	const data = sandboxCredentialData(url);
	credentials.store.set(CLOUD, { ...data.orangeCloudStoreApi, accessToken: '' });
	credentials.store.set(ELIGIBILITY, { ...data.orangeEligibilityApi, accessToken: '' });
}

export const cloudCredentials = { orangeCloudStoreApi: CLOUD };
