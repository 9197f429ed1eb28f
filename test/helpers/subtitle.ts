import type { INode } from 'n8n-workflow';

import { buildWorkflow } from './engine.ts';
import { nodeTypes } from './package.ts';

/** A node's canvas subtitle for these parameters, evaluated by n8n's expression engine as the editor does. */
export function subtitleOf(
	type: string,
	parameters: INode['parameters'],
	typeVersion = 1,
): unknown {
	const { description } = nodeTypes[type];
	const node: INode = { id: 's', name: 'Node', type, typeVersion, position: [0, 0], parameters };
	const workflow = buildWorkflow({ nodes: [node], connections: {} });
	return workflow.expression.getSimpleParameterValue(node, description.subtitle!, 'internal', {});
}
