/**
 * The two OpenAI wire formats the fake model speaks (fakeModel.ts): what it reads from a request
 * (the tools offered, the tool results sent back, the user's last words) and how it writes a turn
 * (a text answer or tool calls) — whole, or as the events of a stream (SSE).
 * - Chat Completions: `POST /v1/chat/completions`, streamed as `chat.completion.chunk` objects then
 *   `[DONE]`;
 * - Responses: `POST /v1/responses`, streamed as typed `response.*` events.
 */

export type Api = 'chat.completions' | 'responses';

export interface ToolCall {
	name: string;
	arguments: Record<string, unknown>;
}

/** What the model answers to one request: text, or calls of tools (all at once, in parallel). */
export type Turn = { text: string } | { toolCalls: ToolCall[] };

/** A tool as the request offered it to the model. */
export interface OfferedTool {
	name: string;
	description: string;
	/** Its JSON schema, as sent. */
	parameters: Record<string, unknown>;
}

/** A tool's result, as the request sent it back to the model. */
export interface ToolResult {
	callId: string;
	/** The tool the model had called with that id (from the same request's history). */
	name?: string;
	output: string;
}

export interface ParsedRequest {
	tools: OfferedTool[];
	toolResults: ToolResult[];
	/** The text of the last user message. */
	userText: string;
}

type Json = Record<string, unknown>;

/** A message's text, whether its content is a string or a list of parts. */
function textOf(content: unknown): string {
	if (typeof content === 'string') return content;
	if (!Array.isArray(content)) return '';
	return content.map((part: Json) => (typeof part?.text === 'string' ? part.text : '')).join('');
}

export function parseChatRequest(body: Json): ParsedRequest {
	const messages = (body.messages as Json[] | undefined) ?? [];
	const names = new Map<string, string>();
	for (const message of messages)
		for (const call of (message.tool_calls as Json[] | undefined) ?? [])
			names.set(String(call.id), String((call.function as Json).name));
	const tools = ((body.tools as Json[] | undefined) ?? []).map((tool) => {
		const fn = tool.function as Json;
		return {
			name: String(fn.name),
			description: String(fn.description ?? ''),
			parameters: (fn.parameters as Json) ?? {},
		};
	});
	const toolResults = messages
		.filter((message) => message.role === 'tool')
		.map((message) => ({
			callId: String(message.tool_call_id),
			name: names.get(String(message.tool_call_id)),
			output: textOf(message.content),
		}));
	const users = messages.filter((message) => message.role === 'user');
	return { tools, toolResults, userText: textOf(users.at(-1)?.content) };
}

export function parseResponsesRequest(body: Json): ParsedRequest {
	const input =
		typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : body.input;
	const items = (input as Json[] | undefined) ?? [];
	const names = new Map<string, string>();
	for (const item of items)
		if (item.type === 'function_call') names.set(String(item.call_id), String(item.name));
	const tools = ((body.tools as Json[] | undefined) ?? [])
		.filter((tool) => tool.type === 'function')
		.map((tool) => ({
			name: String(tool.name),
			description: String(tool.description ?? ''),
			parameters: (tool.parameters as Json) ?? {},
		}));
	const toolResults = items
		.filter((item) => item.type === 'function_call_output')
		.map((item) => ({
			callId: String(item.call_id),
			name: names.get(String(item.call_id)),
			output: textOf(item.output),
		}));
	const users = items.filter((item) => item.role === 'user');
	return { tools, toolResults, userText: textOf(users.at(-1)?.content) };
}

/** Ids that say which request and which call they belong to. */
export interface Ids {
	response: string;
	call: (index: number) => string;
}

const created = () => Math.floor(Date.now() / 1000);

function chatMessage(turn: Turn, ids: Ids): Json {
	if ('text' in turn) return { role: 'assistant', content: turn.text, refusal: null };
	return {
		role: 'assistant',
		content: null,
		tool_calls: turn.toolCalls.map((call, index) => ({
			id: ids.call(index),
			type: 'function',
			function: { name: call.name, arguments: JSON.stringify(call.arguments) },
		})),
	};
}

const finishReason = (turn: Turn) => ('text' in turn ? 'stop' : 'tool_calls');
const chatUsage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };

export function chatCompletion(turn: Turn, model: string, ids: Ids): Json {
	return {
		id: ids.response,
		object: 'chat.completion',
		created: created(),
		model,
		choices: [
			{
				index: 0,
				message: chatMessage(turn, ids),
				finish_reason: finishReason(turn),
				logprobs: null,
			},
		],
		usage: chatUsage,
	};
}

/** The chunks of a streamed chat completion (each one an SSE `data:`), before `[DONE]`. */
export function chatCompletionChunks(turn: Turn, model: string, ids: Ids, usage: boolean): Json[] {
	const chunk = (delta: Json, finish: string | null = null): Json => ({
		id: ids.response,
		object: 'chat.completion.chunk',
		created: created(),
		model,
		choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
	});
	const deltas: Json[] = [chunk({ role: 'assistant', content: '' })];
	if ('text' in turn) {
		// Two pieces, as a real stream splits its text.
		const half = Math.ceil(turn.text.length / 2);
		deltas.push(
			chunk({ content: turn.text.slice(0, half) }),
			chunk({ content: turn.text.slice(half) }),
		);
	} else {
		turn.toolCalls.forEach((call, index) => {
			const start = { index, id: ids.call(index), type: 'function' };
			deltas.push(
				chunk({ tool_calls: [{ ...start, function: { name: call.name, arguments: '' } }] }),
			);
			const args = JSON.stringify(call.arguments);
			deltas.push(chunk({ tool_calls: [{ index, function: { arguments: args } }] }));
		});
	}
	deltas.push(chunk({}, finishReason(turn)));
	if (usage) deltas.push({ ...chunk({}), choices: [], usage: chatUsage });
	return deltas;
}

function responseItems(turn: Turn, ids: Ids): Json[] {
	if ('text' in turn)
		return [
			{
				type: 'message',
				id: `msg_${ids.response}`,
				status: 'completed',
				role: 'assistant',
				content: [{ type: 'output_text', text: turn.text, annotations: [] }],
			},
		];
	return turn.toolCalls.map((call, index) => ({
		type: 'function_call',
		id: `fc_${ids.call(index)}`,
		call_id: ids.call(index),
		name: call.name,
		arguments: JSON.stringify(call.arguments),
		status: 'completed',
	}));
}

function responseObject(output: Json[], model: string, ids: Ids, status: string): Json {
	return {
		id: ids.response,
		object: 'response',
		created_at: created(),
		status,
		model,
		output,
		error: null,
		incomplete_details: null,
		instructions: null,
		metadata: {},
		parallel_tool_calls: true,
		tool_choice: 'auto',
		tools: [],
		text: { format: { type: 'text' } },
		usage: {
			input_tokens: 10,
			input_tokens_details: { cached_tokens: 0 },
			output_tokens: 5,
			output_tokens_details: { reasoning_tokens: 0 },
			total_tokens: 15,
		},
	};
}

export function responsesResponse(turn: Turn, model: string, ids: Ids): Json {
	return responseObject(responseItems(turn, ids), model, ids, 'completed');
}

/** The events of a streamed response (each one an SSE event named by its `type`). */
export function responsesEvents(turn: Turn, model: string, ids: Ids): Json[] {
	const items = responseItems(turn, ids);
	const events: Json[] = [
		{ type: 'response.created', response: responseObject([], model, ids, 'in_progress') },
	];
	items.forEach((item, output_index) => {
		const item_id = item.id;
		if (item.type === 'message') {
			const text = String(((item.content as Json[])[0] as Json).text);
			const started = { ...item, status: 'in_progress', content: [] };
			events.push(
				{ type: 'response.output_item.added', output_index, item: started },
				{
					type: 'response.output_text.delta',
					item_id,
					output_index,
					content_index: 0,
					delta: text,
				},
				{ type: 'response.output_text.done', item_id, output_index, content_index: 0, text },
			);
		} else {
			const started = { ...item, status: 'in_progress', arguments: '' };
			const delta = String(item.arguments);
			events.push(
				{ type: 'response.output_item.added', output_index, item: started },
				{ type: 'response.function_call_arguments.delta', item_id, output_index, delta },
				{ type: 'response.function_call_arguments.done', item_id, output_index, arguments: delta },
			);
		}
		events.push({ type: 'response.output_item.done', output_index, item });
	});
	events.push({
		type: 'response.completed',
		response: responseObject(items, model, ids, 'completed'),
	});
	return events.map((event, sequence_number) => ({ ...event, sequence_number }));
}
