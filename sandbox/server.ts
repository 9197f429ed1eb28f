/**
 * A simulator of Orange's API gateway and of its two APIs, on loopback: it enforces what the
 * gateway enforces (Basic auth on the token endpoint, Bearer tokens that expire, the Accept
 * header, Orange's error bodies) and injects faults on demand. Tests start it on a random port;
 * `npm run sandbox` starts it by hand. This file puts it together; each part is a module:
 * - `state.ts`: its data, recordings and the handles tests use;
 * - `gateway.ts`: the token endpoint and the gateway's checks, recording, latency;
 * - `cloudStoreApi.ts`: the Cloud Store Customer Space API, and the storage files redirect to;
 * - `eligibilityApi.ts`: the Eligibilité Opérateur API;
 * - `faults.ts`: faults on demand; `admin.ts`: the `/__sandbox/*` control endpoints.
 */
import type { AddressInfo } from 'node:net';

import { adminRoutes } from './admin.ts';
import { cloudStoreRoutes } from './cloudStoreApi.ts';
import { eligibilityRoutes } from './eligibilityApi.ts';
import { gatewayRoutes } from './gateway.ts';
import type { SandboxOptions } from './state.ts';
import { SandboxState } from './state.ts';

export type { FaultKind, FaultRule } from './faultRules.ts';
export { orangeError } from './orangeErrors.ts';
export type { RecordedRequest, SandboxOptions, SandboxSettings, TokenInfo } from './state.ts';

export class OrangeSandbox extends SandboxState {
	constructor(options: SandboxOptions = {}) {
		super(options);
		gatewayRoutes(this);
		cloudStoreRoutes(this);
		eligibilityRoutes(this);
		adminRoutes(this);
	}

	async start(port = 0, host = '127.0.0.1'): Promise<this> {
		await this.app.listen({ port, host });
		await this.storage.listen({ port: 0, host });
		this.url = `http://${host}:${(this.app.server.address() as AddressInfo).port}`;
		this.storageUrl = `http://${host}:${(this.storage.server.address() as AddressInfo).port}`;
		return this;
	}

	async stop(): Promise<void> {
		await this.app.close();
		await this.storage.close();
	}
}

export async function startSandbox(options: SandboxOptions = {}): Promise<OrangeSandbox> {
	return await new OrangeSandbox(options).start(options.port ?? 0, options.host ?? '127.0.0.1');
}
