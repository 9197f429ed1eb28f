/**
 * A fake OpenAI-compatible model server, on loopback, for tests only: it answers the Chat
 * Completions API and the Responses API, whole or streamed (SSE), from a script of turns the test
 * writes ("call tool X with arguments Y", then "answer with this text"), and records every request:
 * the tools offered with their descriptions and JSON schemas, and the tool results sent back.
 *
 * Point n8n's OpenAI credential (`openAiApi`) at it: Base URL `fakeModel.url` (`…/v1`), API key
 * `fakeModel.apiKey`. A request with another key is refused (401), as OpenAI does; a request with no
 * turn left in the script is answered 400 with a message saying so (a status the OpenAI client does
 * not retry), and recorded.
 */
import Fastify from 'fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AddressInfo } from 'node:net';

import type { Api, Ids, OfferedTool, ParsedRequest, ToolResult, Turn } from './fakeModelWire.ts';
import {
	chatCompletion,
	chatCompletionChunks,
	parseChatRequest,
	parseResponsesRequest,
	responsesEvents,
	responsesResponse,
} from './fakeModelWire.ts';

export type { OfferedTool, ToolCall, ToolResult, Turn } from './fakeModelWire.ts';

/** One request the model received. */
export interface ModelRequest extends ParsedRequest {
	api: Api;
	stream: boolean;
	model: string;
	/** The request's body, as sent. */
	body: Record<string, unknown>;
	/** What the model answered: the turn, or why there was none. */
	answer: Turn | { refused: string };
}

/** A turn, or a function of the request that picks one (for requests that may come in any order). */
export type ScriptedTurn = Turn | ((request: ParsedRequest & { api: Api }) => Turn);

export interface FakeModelOptions {
	apiKey?: string;
	port?: number;
}

type Body = Record<string, unknown>;

export class FakeModel {
	url = '';
	readonly apiKey: string;
	requests: ModelRequest[] = [];
	private turns: ScriptedTurn[] = [];
	private counter = 0;
	private readonly app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });

	constructor(options: FakeModelOptions = {}) {
		this.apiKey = options.apiKey ?? 'sk-fake-model-key';
		this.app.post('/v1/chat/completions', (request, reply) =>
			this.answer('chat.completions', request, reply),
		);
		this.app.post('/v1/responses', (request, reply) => this.answer('responses', request, reply));
		this.app.get('/v1/models', async () => ({
			object: 'list',
			data: [{ id: 'gpt-fake', object: 'model', created: 0, owned_by: 'tests' }],
		}));
	}

	/** Adds turns to the script, answered in order, one per request. */
	script(...turns: ScriptedTurn[]): void {
		this.turns.push(...turns);
	}

	/** Turns of the script not answered yet. */
	get pendingTurns(): number {
		return this.turns.length;
	}

	/** Forgets the requests and the turns left. */
	reset(): void {
		this.requests = [];
		this.turns = [];
	}

	/** The tool results of the latest request that sent any (a request repeats the earlier ones). */
	lastToolResults(): ToolResult[] {
		return this.requests.findLast((request) => request.toolResults.length > 0)?.toolResults ?? [];
	}

	/** The tools offered by the latest request. */
	offeredTools(): OfferedTool[] {
		return this.requests.at(-1)?.tools ?? [];
	}

	async start(port = 0): Promise<this> {
		await this.app.listen({ port, host: '127.0.0.1' });
		this.url = `http://127.0.0.1:${(this.app.server.address() as AddressInfo).port}/v1`;
		return this;
	}

	async stop(): Promise<void> {
		await this.app.close();
	}

	private nextIds(): Ids {
		const n = ++this.counter;
		return { response: `fake_${n}`, call: (index) => `call_${n}_${index}` };
	}

	private async answer(api: Api, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
		const body = (request.body ?? {}) as Body;
		const parsed = api === 'responses' ? parseResponsesRequest(body) : parseChatRequest(body);
		const recorded: ModelRequest = {
			...parsed,
			api,
			stream: body.stream === true,
			model: String(body.model ?? ''),
			body,
			answer: { refused: '' },
		};
		this.requests.push(recorded);
		if (request.headers.authorization !== `Bearer ${this.apiKey}`) {
			recorded.answer = { refused: 'wrong API key' };
			return reply.code(401).send(openAiError('Incorrect API key provided', 'invalid_api_key'));
		}
		const next = this.turns.shift();
		if (!next) {
			recorded.answer = { refused: 'no turn left in the script' };
			return reply.code(400).send(openAiError('fake model: no turn left in the script', 'no_turn'));
		}
		const turn = typeof next === 'function' ? next({ ...parsed, api }) : next;
		recorded.answer = turn;
		const ids = this.nextIds();
		if (!recorded.stream)
			return api === 'responses'
				? responsesResponse(turn, recorded.model, ids)
				: chatCompletion(turn, recorded.model, ids);
		const usage = (body.stream_options as Body | undefined)?.include_usage === true;
		const events =
			api === 'responses'
				? responsesEvents(turn, recorded.model, ids)
				: chatCompletionChunks(turn, recorded.model, ids, usage);
		streamEvents(reply, events, api === 'responses');
		return reply;
	}
}

function openAiError(message: string, code: string) {
	return { error: { message, type: 'invalid_request_error', param: null, code } };
}

/** Writes events as server-sent events; Chat Completions ends with `[DONE]`. */
function streamEvents(reply: FastifyReply, events: Body[], named: boolean): void {
	reply.hijack();
	reply.raw.writeHead(200, {
		'Content-Type': 'text/event-stream',
		'Cache-Control': 'no-cache',
		Connection: 'keep-alive',
	});
	for (const event of events) {
		const name = named ? `event: ${String(event.type)}\n` : '';
		reply.raw.write(`${name}data: ${JSON.stringify(event)}\n\n`);
	}
	if (!named) reply.raw.write('data: [DONE]\n\n');
	reply.raw.end();
}

export async function startFakeModel(options: FakeModelOptions = {}): Promise<FakeModel> {
	return await new FakeModel(options).start(options.port ?? 0);
}
