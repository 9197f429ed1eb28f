/**
 * The Orange nodes as tools of a model, in a real n8n (`n8n start`, published workflows), with a
 * fake OpenAI-compatible model (test/helpers/fakeModel.ts) scripted turn by turn and the sandbox,
 * both in this process, so that each test sees what the model was offered and sent back, and what
 * Orange was asked:
 * - n8n's AI Agent, through the Chat Trigger example (Responses API, streamed) and a webhook
 *   workflow (Chat Completions, not streamed);
 * - the MCP Server Trigger example, with the official MCP client.
 * One n8n serves both (see aiInstance.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ELIGIBILITY_PATH } from '../../sandbox/eligibilityApi.ts';
import { N8N_VERSION } from '../../scripts/n8n.ts';
import { mcpClient, postWebhook, sendChatMessage, textOf } from './aiClients.ts';
import {
	AI_WORKFLOWS,
	type AiInstance,
	MCP_BEARER_TOKEN,
	orangeCalls,
	startAiInstance,
} from './aiInstance.ts';
import {
	call,
	converse,
	expectErrorChunk,
	expectOffered,
	expectWrongValueAnswered,
	expectWrongValueHandled,
	seen,
	TOOL_ERRORS_REACH_THE_MODEL,
	toolResults,
	WRONG_VALUE,
} from './agentChecks.ts';
import { expectSchema, ORANGE_TOOLS, type ToolName, toolNodesOf } from './orangeTools.ts';

let ai: AiInstance;

beforeAll(async () => {
	ai = await startAiInstance();
}, 900_000);

afterAll(async () => {
	await ai?.stop();
});

const chat = (message: string) => () => sendChatMessage(ai.server, AI_WORKFLOWS.chat.path, message);
const hook = (message: string) => async () => {
	const { status, json, raw } = await postWebhook(ai.server, AI_WORKFLOWS.webhook.path, {
		message,
	});
	return { status, text: String(json?.output), raw };
};

describe(`n8n ${N8N_VERSION}'s AI Agent, with the Orange tools`, () => {
	it('the chat example (Responses API, streamed): both tools offered, one Orange call per tool call, the answers sent back', async () => {
		const names = toolNodesOf(AI_WORKFLOWS.chat.file);
		expect(names.sort()).toEqual(['Check_address_eligibility', 'List_contract_documents']);
		const { answer, orange, unanswered } = await converse(
			ai,
			chat('Is 12 bis rue de Vaugirard eligible, and what are the documents of OCB0001234?'),
			{ toolCalls: [call('Check_address_eligibility'), call('List_contract_documents')] },
			{ text: 'Eligible; 10 documents.' },
		);
		expect([answer.text, unanswered]).toEqual(['Eligible; 10 documents.', 0]);
		expect(ai.model.requests.map((r) => [r.api, r.stream])).toEqual([
			['responses', true],
			['responses', true],
		]);
		expectOffered(ai, names);
		expect(orange.sort()).toEqual(['GET /cloud/b2b/v1/documents', `POST ${ELIGIBILITY_PATH}`]);
		const results = toolResults(ai);
		// Version 2's flat answer: the fields a model reads, at the top level.
		expect(results.Check_address_eligibility).toMatchObject([
			{ found: true, eligible: true, postcode: '75015', buildingCode: 'IMB/75115/V/0012' },
		]);
		const documents = results.List_contract_documents as Record<string, unknown>[];
		expect(documents.length).toBeGreaterThan(0);
		expect(documents.length).toBeLessThanOrEqual(10);
		for (const document of documents) expect(document).toMatchObject({ contractId: 'OCB0001234' });
	});

	it(`the chat example: a wrong address ${WRONG_VALUE}, and Orange is asked nothing`, async () => {
		const { bad } = ORANGE_TOOLS.Check_address_eligibility;
		const outcome = await converse(
			ai,
			chat('Is Lyon eligible?'),
			{ toolCalls: [call('Check_address_eligibility', bad.arguments)] },
			{ text: 'Please give a full address.' },
		);
		expectWrongValueHandled(ai, 'Check_address_eligibility', outcome);
		expectErrorChunk(outcome.answer, ORANGE_TOOLS.Check_address_eligibility.node);
		expect(outcome.answer.text).toBe(
			TOOL_ERRORS_REACH_THE_MODEL ? 'Please give a full address.' : '',
		);
	});

	it('a webhook workflow (Chat Completions, not streamed): a line checked and a file downloaded, its description to the model, never its bytes', async () => {
		const names = toolNodesOf(AI_WORKFLOWS.webhook.file);
		const invoice = ai.sandbox.documents.find(
			(d) => d.contractId === 'OCB0001234' && d.documentType === 'invoices',
		)!;
		const download = { ...ORANGE_TOOLS.Download_document.call, documentId: invoice.id };
		const { answer, orange, unanswered } = await converse(
			ai,
			hook('Check 01 42 00 00 01 and fetch my last invoice'),
			{ toolCalls: [call('Check_line_eligibility'), call('Download_document', download)] },
			{ text: 'Done.' },
		);
		expect([answer.text, unanswered]).toEqual(['Done.', 0]);
		expect(ai.model.requests.map((r) => [r.api, r.stream])).toEqual([
			['chat.completions', false],
			['chat.completions', false],
		]);
		expectOffered(ai, names);
		expect(orange.sort()).toEqual([
			`GET /cloud/b2b/v1/documents/${invoice.id}/file`,
			`POST ${ELIGIBILITY_PATH}`,
		]);
		const results = toolResults(ai);
		expect(results.Check_line_eligibility).toMatchObject([{ nd: '0142000001', eligible: true }]);
		expect(results.Download_document).toEqual([
			{
				contractId: 'OCB0001234',
				documentId: invoice.id,
				fileName: expect.stringMatching(/\.pdf$/),
				mimeType: 'application/pdf',
				fileSize: expect.any(Number),
			},
		]);
	});

	it('a webhook workflow whose line tool is set to On Error: Continue: a wrong ND is answered to the model with the error and its advice, on n8n 1.x too, and Orange is asked nothing', async () => {
		const { bad } = ORANGE_TOOLS.Check_line_eligibility;
		const outcome = await converse(
			ai,
			hook('Check abc'),
			{ toolCalls: [call('Check_line_eligibility', bad.arguments)] },
			{ text: 'That is not a line number.' },
		);
		expectWrongValueAnswered(
			ai,
			'Check_line_eligibility',
			outcome,
			'Without the line number, check the postal address instead.',
		);
		expect(outcome.answer.text).toBe('That is not a line number.');
	});
});

describe(`n8n ${N8N_VERSION}'s MCP Server Trigger, with the Orange tools, to an MCP client`, () => {
	const { path } = AI_WORKFLOWS.mcp;

	it('refuses a client without the bearer token, or with another one', async () => {
		const initialize = {
			jsonrpc: '2.0',
			id: 1,
			method: 'initialize',
			params: {
				protocolVersion: '2025-03-26',
				capabilities: {},
				clientInfo: { name: 'e2e', version: '1' },
			},
		};
		const post = async (headers: Record<string, string>) => {
			const response = await fetch(`${ai.server.base}/mcp/${path}`, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					Accept: 'application/json, text/event-stream',
					...headers,
				},
				body: JSON.stringify(initialize),
			});
			return `${response.status} ${await response.text()}`;
		};
		expect(await post({})).toBe('403 Authorization data is wrong!');
		expect(await post({ Authorization: 'Bearer wrong-token' })).toBe(
			'403 Authorization data is wrong!',
		);
		expect(await post({ Authorization: `Bearer ${MCP_BEARER_TOKEN}` })).toMatch(/^200 /);
		await expect(mcpClient(ai.server, path, 'wrong-token')).rejects.toThrow(
			'Authorization data is wrong!',
		);
	});

	it.each(['streamable HTTP', 'SSE'] as const)(
		'lists the tools with their descriptions and schemas (%s)',
		async (transport) => {
			const names = toolNodesOf(AI_WORKFLOWS.mcp.file);
			const client = await mcpClient(ai.server, path, MCP_BEARER_TOKEN, transport);
			const { tools } = await client.listTools();
			seen.push(JSON.stringify(tools));
			await client.close();
			expect(tools.map((tool) => tool.name).sort()).toEqual([...names].sort());
			for (const tool of tools) {
				console.log(`MCP tool ${tool.name}: ${JSON.stringify(tool)}`);
				const expected = ORANGE_TOOLS[tool.name as ToolName];
				expect(tool.description).toBe(expected.description);
				expectSchema(tool.inputSchema, expected, true);
			}
		},
	);

	it('calls a tool: its items as JSON text, one Orange request', async () => {
		const client = await mcpClient(ai.server, path, MCP_BEARER_TOKEN);
		const from = ai.sandbox.requests.length;
		const result = await client.callTool({
			name: 'Check_line_eligibility',
			arguments: ORANGE_TOOLS.Check_line_eligibility.call,
		});
		await client.close();
		seen.push(JSON.stringify(result));
		console.log(
			`MCP result: ${Buffer.byteLength(textOf(result))} bytes: ${textOf(result).slice(0, 300)}`,
		);
		expect(result.isError).toBeFalsy();
		expect(JSON.parse(textOf(result))).toMatchObject([{ nd: '0142000001', eligible: true }]);
		expect(orangeCalls(ai.sandbox, from)).toEqual([`POST ${ELIGIBILITY_PATH}`]);
	});

	it("answers a bad call with the node's error (isError), and asks Orange nothing", async () => {
		const client = await mcpClient(ai.server, path, MCP_BEARER_TOKEN);
		const from = ai.sandbox.requests.length;
		const bad = ORANGE_TOOLS.Check_line_eligibility.bad;
		const result = await client.callTool({
			name: 'Check_line_eligibility',
			arguments: bad.arguments,
		});
		await client.close();
		seen.push(JSON.stringify(result));
		console.log(`MCP error: ${textOf(result)}`);
		expect(result.isError).toBe(true);
		// The error's name and its whole message. n8n adds "Details: <description>" only when the
		// message lacks it: as a tool, the node's message already ends with its advice.
		expect(textOf(result).replace(/^(NodeOperationError|Error): /, '')).toBe(bad.error);
		expect(orangeCalls(ai.sandbox, from)).toEqual([]);
	});

	it('answers concurrent calls each with its own result, one Orange request each', async () => {
		const client = await mcpClient(ai.server, path, MCP_BEARER_TOKEN);
		const from = ai.sandbox.requests.length;
		ai.sandbox.eligibilityMaxInFlight = 0;
		const lines = ['01 42 00 00 01', '04 72 00 00 02', '0142000001', '+33 4 72 00 00 02'];
		const calls = [
			...lines.map((nd) => client.callTool({ name: 'Check_line_eligibility', arguments: { nd } })),
			client.callTool({
				name: 'Check_address_eligibility',
				arguments: ORANGE_TOOLS.Check_address_eligibility.call,
			}),
			client.callTool({ name: 'List_contract_documents', arguments: { contractId: 'OCB0001235' } }),
		];
		const results = await Promise.all(calls);
		await client.close();
		seen.push(...results.map((result) => JSON.stringify(result)));
		const items = results.map((result) => JSON.parse(textOf(result)) as Record<string, unknown>[]);
		expect(items.slice(0, 4).map((r) => r[0].nd)).toEqual([
			'0142000001',
			'0472000002',
			'0142000001',
			'0472000002',
		]);
		expect(items[4]).toMatchObject([{ postcode: '75015' }]);
		expect(items[5].length).toBeGreaterThan(0);
		for (const document of items[5]) expect(document).toMatchObject({ contractId: 'OCB0001235' });
		expect(orangeCalls(ai.sandbox, from)).toHaveLength(calls.length);
		console.log(
			`eligibility checks in flight at once, at most: ${ai.sandbox.eligibilityMaxInFlight}`,
		);
	});
});

describe('secrets', () => {
	it('none reaches the model, the chat, a webhook answer or an MCP client', () => {
		expect(seen.length).toBeGreaterThan(10);
		const haystack = seen.join('\n');
		const leaked = ai.secrets().filter((secret) => haystack.includes(secret));
		expect(leaked).toEqual([]);
	});
});
