/**
 * Which n8n engine the engine-level suites load: the repository's n8n-core and n8n-workflow (2.x),
 * or, with `N8N_VERSION` naming another n8n, that n8n's own copies from its install in the cache —
 * its request helpers, its errors, its credential handling. The built package then loads that
 * n8n-workflow too, as it does inside that n8n. The resilience suite runs on both this way.
 */
import { createRequire } from 'node:module';
import Module from 'node:module';
import { join } from 'node:path';

import { DEFAULT_N8N_VERSION, n8nRuntime } from '../../scripts/n8nRuntime.ts';

const ENGINE_PACKAGES = ['n8n-core', 'n8n-workflow', '@n8n/di', '@n8n/backend-common'];

/** Where the selected n8n's engine lives, or undefined for the repository's own. */
export function engineHome(): string | undefined {
	const version = process.env.N8N_VERSION || DEFAULT_N8N_VERSION;
	if (version === DEFAULT_N8N_VERSION) return undefined;
	return join(n8nRuntime(version).home, 'node_modules', 'n8n');
}

/** Resolves the engine packages, from anywhere outside that n8n, to that n8n's own copies. */
export function useEngineFrom(n8nFolder: string): void {
	const fromN8n = createRequire(join(n8nFolder, 'package.json'));
	const fromCore = createRequire(fromN8n.resolve('n8n-core'));
	const resolved = new Map<string, string>();
	for (const name of ENGINE_PACKAGES) resolved.set(name, fromCore.resolve(name));
	const home = join(n8nFolder, '..', '..');
	const moduleWithResolver = Module as unknown as {
		_resolveFilename: (
			request: string,
			parent: { filename?: string } | undefined,
			...rest: unknown[]
		) => string;
	};
	const original = moduleWithResolver._resolveFilename;
	moduleWithResolver._resolveFilename = function (request, parent, ...rest) {
		const target = resolved.get(request);
		if (target && !(parent?.filename ?? '').startsWith(home)) return target;
		return original.call(this, request, parent, ...rest);
	};
}
