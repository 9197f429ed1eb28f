/**
 * The clients of the AI suites: n8n's chat endpoint as its chat widget calls it (streamed answer),
 * a production webhook, and an MCP client (the official SDK) over Streamable HTTP or SSE.
 */
import { randomUUID } from 'node:crypto';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import type { Server } from './instance.ts';

export interface ChatAnswer {
	status: number;
	/** The answer's text, its streamed pieces put together. */
	text: string;
	/** Everything n8n sent, as received. */
	raw: string;
	/** What n8n sent, parsed: JSON lines when it streams (`begin`, `item`, `error`, `end`…). */
	chunks: ChatChunk[];
}

export interface ChatChunk {
	type?: string;
	content?: string;
	output?: string;
	metadata?: { nodeName?: string };
}

/**
 * A message sent to a Chat Trigger's production URL (`POST /webhook/<id>/chat`), as n8n's chat
 * widget sends it. A streaming trigger answers with JSON lines (`begin`, `item`…, `end`), or a
 * JSON object when it does not stream.
 */
export async function sendChatMessage(
	server: Server,
	path: string,
	message: string,
): Promise<ChatAnswer> {
	const response = await fetch(`${server.base}/webhook/${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ action: 'sendMessage', sessionId: randomUUID(), chatInput: message }),
	});
	const raw = await response.text();
	const chunks = raw
		.split('\n')
		.filter((line) => line.trim().startsWith('{'))
		.map((line) => JSON.parse(line) as ChatChunk);
	const streamed = chunks
		.filter((chunk) => chunk.type === 'item')
		.map((chunk) => chunk.content ?? '');
	const text = streamed.length > 0 ? streamed.join('') : (chunks[0]?.output ?? '');
	return { status: response.status, text, raw, chunks };
}

/** A JSON body posted to a production webhook; its JSON answer. */
export async function postWebhook(
	server: Server,
	path: string,
	body: unknown,
): Promise<{ status: number; json: Record<string, unknown> | undefined; raw: string }> {
	const response = await fetch(`${server.base}/webhook/${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	const raw = await response.text();
	let json: Record<string, unknown> | undefined;
	try {
		json = JSON.parse(raw) as Record<string, unknown>;
	} catch {
		// not JSON: the test reads `raw`
	}
	return { status: response.status, json, raw };
}

export type McpTransport = 'streamable HTTP' | 'SSE';

/** An MCP client connected to an MCP Server Trigger's production URL (`/mcp/<path>`). */
export async function mcpClient(
	server: Server,
	path: string,
	token: string | undefined,
	transport: McpTransport = 'streamable HTTP',
): Promise<Client> {
	const url = new URL(`${server.base}/mcp/${path}`);
	const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
	const client = new Client({ name: 'n8n-nodes-orange-e2e', version: '1.0.0' });
	await client.connect(
		transport === 'SSE'
			? new SSEClientTransport(url, {
					requestInit: { headers },
					eventSourceInit: {
						fetch: (input, init) =>
							fetch(input, { ...init, headers: { ...(init?.headers as object), ...headers } }),
					},
				})
			: new StreamableHTTPClientTransport(url, { requestInit: { headers } }),
	);
	return client;
}

/** The text of an MCP tool result's content. */
export function textOf(result: Record<string, unknown>): string {
	return ((result.content as { type: string; text?: string }[] | undefined) ?? [])
		.map((part) => part.text ?? '')
		.join('');
}
