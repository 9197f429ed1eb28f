/**
 * Loads the built package (dist/) the way n8n does: from the `n8n` section of package.json.
 * Tests therefore run the JavaScript that ships, with the n8n-workflow copy n8n-core uses.
 */
import { createRequire } from 'node:module';
import type { ICredentialType, INodeType } from 'n8n-workflow';

const require = createRequire(import.meta.url);
const pkg = require('../../package.json') as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};

export const PACKAGE_NAME = pkg.name;

function firstClass<T>(file: string): T {
	const module = require(`../../${file}`) as Record<string, new () => T>;
	const Class = Object.values(module)[0];
	return new Class();
}

export const nodeTypes: Record<string, INodeType> = Object.fromEntries(
	pkg.n8n.nodes.map((file) => {
		const node = firstClass<INodeType>(file);
		return [`${PACKAGE_NAME}.${node.description.name}`, node];
	}),
);

export const credentialTypes: Record<string, ICredentialType> = Object.fromEntries(
	pkg.n8n.credentials.map((file) => {
		const credential = firstClass<ICredentialType>(file);
		return [credential.name, credential];
	}),
);

/** The n8n-workflow that the built package and n8n-core load (CommonJS). */
export const n8nWorkflow = require('n8n-workflow') as typeof import('n8n-workflow');

/** The built package's token sharing, forgotten when a test ends every token (`resetContext`). */
export const { forgetSharedTokens } =
	require('../../dist/nodes/shared/gateway/tokenBursts.js') as typeof import('../../nodes/shared/gateway/tokenBursts');
