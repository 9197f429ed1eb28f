/**
 * What an AI model is told of an operation used as a tool. By default n8n describes a tool as
 * "<action> in <node name>" ("Get many documents in Orange Cloud Store"): too little to choose a
 * tool or fill it. A node that has its own `toolDescription` parameter gets none of n8n's, and
 * n8n gives the model that parameter's value instead: one per operation, shown only when the node
 * is a tool, where the user can read and edit it.
 */
import type { INodeProperties } from 'n8n-workflow';

export function toolDescriptionProperty(text: string): INodeProperties {
	return {
		displayName: 'Tool Description',
		name: 'toolDescription',
		type: 'string',
		typeOptions: { rows: 4 },
		default: text,
		description:
			'What the AI model is told of this tool: what it does, what it needs and what it answers',
		displayOptions: { show: { '@tool': [true] } },
	};
}
