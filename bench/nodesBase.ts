/**
 * n8n's own nodes (n8n-nodes-base) for the scripts that compare with them or chain them: taken
 * from the real n8n that the end-to-end suite installs into its cache (installed on first use).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { INodeType, IVersionedNodeType } from 'n8n-workflow';

import { ensureN8n, N8N_HOME } from '../scripts/n8n.ts';

/** `n8n-nodes-base.<name>` → the node, loaded from its file under n8n-nodes-base/dist/nodes/. */
export function loadNodesBase(
	files: Record<string, string>,
): Record<string, INodeType | IVersionedNodeType> {
	ensureN8n();
	const require = createRequire(join(N8N_HOME, 'node_modules', 'n8n-nodes-base', 'package.json'));
	return Object.fromEntries(
		Object.entries(files).map(([name, file]) => {
			const module = require(`n8n-nodes-base/dist/nodes/${file}`) as Record<
				string,
				new () => INodeType | IVersionedNodeType
			>;
			return [`n8n-nodes-base.${name}`, new (Object.values(module)[0])()];
		}),
	);
}
