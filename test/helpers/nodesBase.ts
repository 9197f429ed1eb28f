/**
 * n8n's own nodes (n8n-nodes-base), real, for the demo (the examples chain them) and the benchmarks
 * (the HTTP Request node): loaded from the cache that `ensureNodesBase` fills on first use.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { INodeType, IVersionedNodeType } from 'n8n-workflow';

import { ensureNodesBase } from '../../scripts/n8n.ts';

/** Where each node this repository uses lives in n8n-nodes-base/dist/nodes/. */
const FILES: Record<string, string> = {
	httpRequest: 'HttpRequest/HttpRequest.node.js',
	if: 'If/If.node.js',
	manualTrigger: 'ManualTrigger/ManualTrigger.node.js',
	readWriteFile: 'Files/ReadWriteFile/ReadWriteFile.node.js',
	respondToWebhook: 'RespondToWebhook/RespondToWebhook.node.js',
	scheduleTrigger: 'Schedule/ScheduleTrigger.node.js',
	set: 'Set/Set.node.js',
	splitOut: 'Transform/SplitOut/SplitOut.node.js',
	webhook: 'Webhook/Webhook.node.js',
};

export const NODES_BASE_PREFIX = 'n8n-nodes-base.';

/** `n8n-nodes-base.<name>` → the node, for each name (such as `httpRequest`). */
export function loadNodesBase(names: string[]): Record<string, INodeType | IVersionedNodeType> {
	const folder = ensureNodesBase();
	const require = createRequire(join(folder, 'package.json'));
	return Object.fromEntries(
		names.map((name) => {
			if (!FILES[name]) throw new Error(`n8n-nodes-base.${name}: add its file to FILES`);
			const module = require(join(folder, 'dist', 'nodes', FILES[name])) as Record<
				string,
				new () => INodeType | IVersionedNodeType
			>;
			return [`${NODES_BASE_PREFIX}${name}`, new (Object.values(module)[0])()];
		}),
	);
}
