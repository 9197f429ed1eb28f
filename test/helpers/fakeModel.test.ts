/**
 * The fake model server (fakeModel.ts), driven by the client n8n 2.40.7's OpenAI Chat Model node
 * uses (LangChain's ChatOpenAI 1.4.4, the same version): both APIs, whole and streamed, tool calls
 * and text, what it records, and its refusals.
 */
import { AIMessage, AIMessageChunk, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { type FakeModel, startFakeModel } from './fakeModel.ts';

let fake: FakeModel;

const TOOL = {
	type: 'function' as const,
	function: {
		name: 'check_line',
		description: 'Check eligibility of a line number',
		parameters: {
			type: 'object',
			properties: { nd: { type: 'string', description: 'The line number' } },
			required: ['nd'],
			additionalProperties: false,
		},
	},
};

function model(options: { responses: boolean; apiKey?: string }) {
	return new ChatOpenAI({
		model: 'gpt-fake',
		apiKey: options.apiKey ?? fake.apiKey,
		configuration: { baseURL: fake.url },
		useResponsesApi: options.responses,
		maxRetries: 0,
	}).bindTools([TOOL]);
}

/** One call of the model, whole or streamed (its chunks concatenated). */
async function ask(
	responses: boolean,
	stream: boolean,
	messages: (HumanMessage | AIMessage | ToolMessage)[],
): Promise<AIMessageChunk | AIMessage> {
	if (!stream) return await model({ responses }).invoke(messages);
	let whole: AIMessageChunk | undefined;
	for await (const chunk of await model({ responses }).stream(messages))
		whole = whole ? whole.concat(chunk) : chunk;
	return whole!;
}

beforeAll(async () => {
	fake = await startFakeModel();
});
afterAll(async () => fake.stop());
beforeEach(() => fake.reset());

describe('the fake model server, with the OpenAI client n8n uses', () => {
	it.each([
		['Chat Completions', false, false],
		['Chat Completions, streamed', false, true],
		['Responses', true, false],
		['Responses, streamed', true, true],
	])(
		'%s: calls a tool, then answers with text, recording tools and results',
		async (_, responses, stream) => {
			fake.script(
				{ toolCalls: [{ name: 'check_line', arguments: { nd: '0142000001' } }] },
				{ text: 'Eligible.' },
			);
			const question = new HumanMessage('Is 01 42 00 00 01 eligible?');
			const call = await ask(responses, stream, [question]);
			expect(call.tool_calls).toMatchObject([{ name: 'check_line', args: { nd: '0142000001' } }]);
			const callId = call.tool_calls![0].id!;
			const result = new ToolMessage({ content: '[{"eligible":true}]', tool_call_id: callId });
			const answer = await ask(responses, stream, [
				question,
				new AIMessage({ content: '', tool_calls: call.tool_calls }),
				result,
			]);
			expect(answer.text).toBe('Eligible.');

			expect(fake.requests.map((r) => [r.api, r.stream])).toEqual([
				[responses ? 'responses' : 'chat.completions', stream],
				[responses ? 'responses' : 'chat.completions', stream],
			]);
			expect(fake.requests[0]).toMatchObject({
				model: 'gpt-fake',
				userText: 'Is 01 42 00 00 01 eligible?',
				toolResults: [],
			});
			expect(fake.offeredTools()).toEqual([
				{
					name: 'check_line',
					description: TOOL.function.description,
					parameters: TOOL.function.parameters,
				},
			]);
			expect(fake.lastToolResults()).toEqual([
				{ callId, name: 'check_line', output: '[{"eligible":true}]' },
			]);
			expect(fake.pendingTurns).toBe(0);
		},
	);

	it('answers several tool calls in one turn', async () => {
		fake.script({
			toolCalls: [
				{ name: 'check_line', arguments: { nd: '0142000001' } },
				{ name: 'check_line', arguments: { nd: '0472000002' } },
			],
		});
		for (const stream of [false, true]) {
			if (stream) fake.script(fake.requests[0].answer as never);
			const call = await ask(true, stream, [new HumanMessage('Two lines')]);
			expect(call.tool_calls?.map((c) => c.args)).toEqual([
				{ nd: '0142000001' },
				{ nd: '0472000002' },
			]);
			expect(new Set(call.tool_calls?.map((c) => c.id)).size).toBe(2);
		}
	});

	it('picks a turn from the request when the script says how', async () => {
		fake.script(({ userText }) => ({ text: `You said: ${userText}` }));
		expect((await ask(false, false, [new HumanMessage('bonjour')])).text).toBe('You said: bonjour');
	});

	it('refuses a wrong API key (401) and a request beyond the script (400), and records both', async () => {
		fake.script({ text: 'unused' });
		const wrongKey = model({ responses: false, apiKey: 'sk-wrong' }).invoke([
			new HumanMessage('hi'),
		]);
		await expect(wrongKey).rejects.toThrow(/Incorrect API key/);
		expect(fake.pendingTurns).toBe(1);
		fake.reset();
		await expect(ask(true, false, [new HumanMessage('hi')])).rejects.toThrow(
			/no turn left in the script/,
		);
		expect(fake.requests.map((r) => r.answer)).toEqual([{ refused: 'no turn left in the script' }]);
	});
});
