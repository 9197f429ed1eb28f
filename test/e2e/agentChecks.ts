/**
 * What the AI Agent tests check, turn by turn: a conversation with the fake model scripted, the tools
 * it was offered, the tool results it was sent back, and what a wrong value does (a version gate).
 */
import { expect } from 'vitest';

import { N8N_VERSION } from '../../scripts/n8n.ts';
import { type Turn } from '../helpers/fakeModel.ts';
import type { ChatAnswer } from './aiClients.ts';
import { type AiInstance, orangeCalls } from './aiInstance.ts';
import { expectSchema, ORANGE_TOOLS, type ToolName } from './orangeTools.ts';

/** Everything the model, the chat and the MCP client received: searched for secrets at the end. */
export const seen: string[] = [];

export const call = (name: ToolName, args: Record<string, string> = ORANGE_TOOLS[name].call) => ({
	name,
	arguments: args,
});

/** The tools as the model must see them: name, the operation's Tool Description, JSON schema. */
export function expectOffered(ai: AiInstance, names: ToolName[]) {
	const offered = ai.model.offeredTools();
	expect(offered.map((tool) => tool.name).sort()).toEqual([...names].sort());
	for (const name of names) {
		const tool = offered.find((t) => t.name === name)!;
		console.log(`offered ${name}: ${JSON.stringify(tool)}`);
		expect(tool.description).toBe(ORANGE_TOOLS[name].description);
		expectSchema(tool.parameters, ORANGE_TOOLS[name], false);
	}
}

/** The tool results the model was sent back, by tool, parsed; their sizes logged. */
export function toolResults(ai: AiInstance): Partial<Record<ToolName, unknown>> {
	const results = ai.model.lastToolResults();
	for (const result of results)
		console.log(
			`result of ${result.name}: ${Buffer.byteLength(result.output)} bytes: ${result.output.slice(0, 400)}`,
		);
	return Object.fromEntries(results.map((result) => [result.name, JSON.parse(result.output)]));
}

/** One exchange: the model's turns scripted, the question asked, the answer and what was seen. */
export async function converse<Answer extends { text: string; raw: string }>(
	ai: AiInstance,
	ask: () => Promise<Answer>,
	...turns: Turn[]
) {
	ai.model.reset();
	ai.model.script(...turns);
	const from = ai.sandbox.requests.length;
	const answer = await ask();
	seen.push(answer.raw, ...ai.model.requests.map((request) => JSON.stringify(request.body)));
	console.log(`answer: ${answer.raw.slice(0, 2000)}`);
	return { answer, orange: orangeCalls(ai.sandbox, from), unanswered: ai.model.pendingTurns };
}

/**
 * Version gate: n8n 2.x hands a tool's error to the model as the tool's result (n8n-core 2.40's
 * engine turns an `ai_tool` node's error into its output, `[{ error: message }]`) and the Agent goes
 * on; n8n 1.123 (n8n-core 1.122) stops the execution on it, so the model is never asked again and
 * the caller gets n8n's error instead of the Agent's answer.
 */
export const TOOL_ERRORS_REACH_THE_MODEL = !N8N_VERSION.startsWith('1.');
export const WRONG_VALUE = TOOL_ERRORS_REACH_THE_MODEL
	? "is answered to the model with the node's error (message only)"
	: "ends the execution with the node's error, the model never told (n8n 1.x stops on a tool's error)";

/** What a wrong value does: see TOOL_ERRORS_REACH_THE_MODEL. */
export function expectWrongValueHandled(
	ai: AiInstance,
	name: ToolName,
	outcome: Awaited<ReturnType<typeof converse>>,
) {
	const { bad } = ORANGE_TOOLS[name] as { bad: { error: string } };
	expect(outcome.orange).toEqual([]);
	if (TOOL_ERRORS_REACH_THE_MODEL) {
		expect(outcome.unanswered).toBe(0);
		// The whole text the model gets: enough to ask again with a valid value.
		expect(toolResults(ai)[name]).toEqual([{ error: bad.error }]);
	} else {
		expect(outcome.unanswered).toBe(1);
		expect(ai.model.requests).toHaveLength(1);
	}
}

/**
 * What a wrong value does when the tool node is set to *On Error: Continue*: on every version, the
 * node answers its error as its result — the message and the advice — and the Agent goes on (the
 * way round n8n 1.x's stop that docs/ai-agents-and-mcp.md gives).
 */
export function expectWrongValueAnswered(
	ai: AiInstance,
	name: ToolName,
	outcome: Awaited<ReturnType<typeof converse>>,
	hint: string,
) {
	const { bad } = ORANGE_TOOLS[name] as { bad: { error: string } };
	expect(outcome.orange).toEqual([]);
	expect(outcome.unanswered).toBe(0);
	expect(toolResults(ai)[name]).toEqual([{ error: bad.error, description: hint }]);
}

/**
 * A streamed chat also gets an `error` chunk naming the tool's node, with the error's description
 * (its hint), whether or not the Agent goes on: n8n sends it to the chat, not to the model.
 */
export function expectErrorChunk(answer: ChatAnswer, node: string) {
	const errors = answer.chunks.filter((chunk) => chunk.type === 'error');
	expect(errors).toEqual([
		expect.objectContaining({
			content: expect.any(String),
			metadata: expect.objectContaining({ nodeName: node }),
		}),
	]);
	console.log(`error chunk to the chat: ${JSON.stringify(errors[0].content)}`);
}
