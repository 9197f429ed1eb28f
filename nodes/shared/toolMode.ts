import type { INode } from 'n8n-workflow';

/**
 * Whether the node runs as an AI tool (n8n's "…Tool" variant, in an AI Agent or behind an MCP
 * Server Trigger): one item per call, and its errors read by a model that is given the message only.
 * n8n's own `@tool` display option looks at the same thing: the type's name.
 */
export function isToolNode(node: INode): boolean {
	return node.type.endsWith('Tool');
}
