/**
 * The Orange tools of the AI workflows (examples/ai-agent-orange-tools, examples/mcp-server-orange-tools,
 * test/e2e/workflows/e2e-ai-agent-webhook), in one table: for each tool (n8n names a tool after its
 * node), its node, what the node does, the `$fromAI` keys it asks the model for (with their
 * descriptions), the description n8n gives it (the operation's Tool Description, from the node's
 * source), and the values the tests send.
 * `toolNodesOf` checks that a workflow's tool nodes are the ones this table describes, so that the
 * fixtures and the tests cannot drift apart.
 *
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

import { toolDescription as downloadDescription } from '../../nodes/OrangeCloudStore/actions/document/download.operation.ts';
import { toolDescription as documentsDescription } from '../../nodes/OrangeCloudStore/actions/document/getMany.operation.ts';
import { toolDescription as ndDescription } from '../../nodes/OrangeEligibility/actions/eligibility/checkByNd.operation.ts';
import { toolDescription as addressDescription } from '../../nodes/OrangeEligibility/actions/eligibility/checkByTextAddress.operation.ts';
import { ROOT } from '../../scripts/n8n.ts';

export interface OrangeTool {
	node: string;
	type: 'n8n-nodes-orange.orangeEligibilityTool' | 'n8n-nodes-orange.orangeCloudStoreTool';
	resource: string;
	operation: string;
	/** `$fromAI` key → its description, in the order of the node's parameters. */
	fromAI: Record<string, string>;
	/** The operation's Tool Description: what n8n gives the model, and MCP clients. */
	description: string;
	/** Arguments the tests call the tool with. */
	call: Record<string, string>;
	/** Arguments the node refuses before calling Orange, and its whole error message as a tool. */
	bad?: { arguments: Record<string, string>; error: string };
}

const ADDRESS =
	'The postal address to check, on one line: number, street, postcode and city, e.g. 12 bis rue de Vaugirard, 75015 Paris';
const ND =
	'The French line number (ND) to check: 10 digits starting with 0, spaces or +33 accepted, e.g. 01 42 00 00 01';
const CONTRACT = 'The Orange Cloud Store contract reference, e.g. OCB0001234';
const DOCUMENT = 'The id of the document to download, as listed by the documents tool';

export const ORANGE_TOOLS = {
	Check_address_eligibility: {
		node: 'Check address eligibility',
		type: 'n8n-nodes-orange.orangeEligibilityTool',
		resource: 'eligibility',
		operation: 'checkByTextAddress',
		fromAI: { address: ADDRESS },
		description: addressDescription,
		call: { address: '12 bis rue de Vaugirard, 75015 Paris' },
		bad: {
			arguments: { address: 'Lyon' },
			error:
				'Invalid Address: "Lyon" is not a postal address (expected number, street, postcode and city on one line, such as 12 bis rue de Vaugirard, 75015 Paris). Without a street address, check the line number (ND) or the GPS coordinates instead.',
		},
	},
	Check_line_eligibility: {
		node: 'Check line eligibility',
		type: 'n8n-nodes-orange.orangeEligibilityTool',
		resource: 'eligibility',
		operation: 'checkByNd',
		fromAI: { nd: ND },
		description: ndDescription,
		call: { nd: '01 42 00 00 01' },
		bad: {
			arguments: { nd: 'abc' },
			error:
				'Invalid Line Number: "abc" is not a French line number (expected an ND: 10 digits starting with 0, such as 01 42 00 00 01; spaces and +33 accepted). Without the line number, check the postal address instead.',
		},
	},
	List_contract_documents: {
		node: 'List contract documents',
		type: 'n8n-nodes-orange.orangeCloudStoreTool',
		resource: 'document',
		operation: 'getMany',
		fromAI: { contractId: CONTRACT },
		description: documentsDescription,
		call: { contractId: 'OCB0001234' },
	},
	Download_document: {
		node: 'Download document',
		type: 'n8n-nodes-orange.orangeCloudStoreTool',
		resource: 'document',
		operation: 'download',
		fromAI: { contractId: CONTRACT, documentId: DOCUMENT },
		description: downloadDescription,
		// The document id comes from the sandbox's list at run time.
		call: { contractId: 'OCB0001234' },
	},
} satisfies Record<string, OrangeTool>;

export type ToolName = keyof typeof ORANGE_TOOLS;

/**
 * The JSON schema n8n offers for a tool: each `$fromAI` key a required, described string, and a
 * `$schema` (draft-07 to the Agent's model and 1.x's MCP clients, 2020-12 to 2.x's MCP clients).
 * Extra properties: refused to the Agent's model (OpenAI tools), allowed to MCP clients.
 */
export function expectSchema(
	schema: unknown,
	tool: OrangeTool,
	additionalProperties: boolean,
): void {
	const properties = Object.fromEntries(
		Object.entries(tool.fromAI).map(([key, description]) => [key, { type: 'string', description }]),
	);
	expect(schema).toEqual({
		type: 'object',
		properties,
		required: Object.keys(tool.fromAI),
		additionalProperties,
		$schema: expect.stringMatching(/^https?:\/\/json-schema\.org\//),
	});
	// The properties in the node's order.
	expect(Object.keys((schema as { properties: object }).properties)).toEqual(
		Object.keys(tool.fromAI),
	);
}

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}

/** Every `$fromAI('key', `description`, …)` of a node's parameters, in order. */
function fromAICalls(parameters: unknown): Record<string, string> {
	const text = JSON.stringify(parameters);
	const calls = text.matchAll(/\$fromAI\('([^']+)', `([^`]*)`, 'string'\)/g);
	return Object.fromEntries([...calls].map(([, key, description]) => [key, description]));
}

/**
 * The names of a workflow file's Orange tools, checked against the table: the node's name, type,
 * resource, operation and `$fromAI` calls.
 */
export function toolNodesOf(file: string): ToolName[] {
	const workflow = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as { nodes: WorkflowNode[] };
	const nodes = workflow.nodes.filter((node) => node.type.startsWith('n8n-nodes-orange.'));
	return nodes.map((node) => {
		const entry = Object.entries(ORANGE_TOOLS).find(([, tool]) => tool.node === node.name);
		expect(entry, `${file}: ${node.name} is not in ORANGE_TOOLS`).toBeDefined();
		const [name, tool] = entry!;
		expect({
			type: node.type,
			...node.parameters,
			fromAI: fromAICalls(node.parameters),
		}).toMatchObject({
			type: tool.type,
			resource: tool.resource,
			operation: tool.operation,
			fromAI: tool.fromAI,
		});
		// A key is what the model fills in: plain ASCII, never a mangled accent.
		for (const key of Object.keys(fromAICalls(node.parameters)))
			expect(key, `${file}: ${node.name}`).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
		return name as ToolName;
	});
}
