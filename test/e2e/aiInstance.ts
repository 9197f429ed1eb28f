/**
 * A running n8n for the AI suites: the sandbox and a fake OpenAI-compatible model in the test's own
 * process (so the tests read what each one received), an n8n user folder with the packed package,
 * the sandbox credentials, an OpenAI credential pointing at the fake model and a bearer token for
 * the MCP Server Trigger; the AI Agent examples and the MCP example published, then `n8n start`.
 */
import { SANDBOX_API_KEY, SANDBOX_CLIENT } from '../../sandbox/data.ts';
import { type OrangeSandbox, startSandbox } from '../../sandbox/server.ts';
import { type FakeModel, startFakeModel } from '../helpers/fakeModel.ts';
import {
	type Instance,
	prepareInstance,
	publishWorkflow,
	type Server,
	startN8n,
	waitForWebhook,
} from './instance.ts';

/** The workflows of the AI suites: their ids, and the URLs they answer on. */
export const AI_WORKFLOWS = {
	chat: {
		file: 'examples/ai-agent-orange-tools.workflow.json',
		id: 'orangeAiAgent01',
		/** The Chat Trigger's webhook id: its production URL is /webhook/<id>/chat. */
		path: '0d5c8a52-5f0e-4a1e-9b7a-6c3f2e1d0a01/chat',
	},
	webhook: {
		file: 'test/e2e/workflows/e2e-ai-agent-webhook.workflow.json',
		id: 'orangeAiAgentE2e01',
		path: 'orange-agent-e2e',
	},
	mcp: {
		file: 'examples/mcp-server-orange-tools.workflow.json',
		id: 'orangeMcpServer01',
		/** The MCP Server Trigger's path: its production URL is /mcp/<path>. */
		path: 'orange',
	},
} as const;

export const MCP_BEARER_TOKEN = 'mcp-e2e-bearer-9c41d7';

export interface AiInstance {
	instance: Instance;
	server: Server;
	sandbox: OrangeSandbox;
	model: FakeModel;
	/** Every value that must never reach a model, an MCP client or an answer. */
	secrets: () => string[];
	stop: () => Promise<void>;
}

export async function startAiInstance(): Promise<AiInstance> {
	const sandbox = await startSandbox();
	const model = await startFakeModel({ apiKey: 'sk-e2e-fake-model-3b7f0a' });
	const stopServices = async () => {
		await model.stop();
		await sandbox.stop();
	};
	let instance: Instance | undefined;
	try {
		instance = await prepareInstance({
			sandboxUrl: sandbox.url,
			credentials: [
				{
					id: 'openAiAccount',
					name: 'OpenAI account',
					type: 'openAiApi',
					data: { apiKey: model.apiKey, url: model.url, header: false },
				},
				{
					id: 'orangeMcpBearer',
					name: 'MCP bearer token',
					type: 'httpBearerAuth',
					data: { token: MCP_BEARER_TOKEN },
				},
			],
		});
		for (const workflow of Object.values(AI_WORKFLOWS)) publishWorkflow(instance, workflow.id);
		const server = await startN8n(instance);
		const { chat, webhook, mcp } = AI_WORKFLOWS;
		await waitForWebhook(server, chat.path);
		await waitForWebhook(server, webhook.path);
		await waitForWebhook(server, mcp.path, 'POST', 'mcp');
		const basic = Buffer.from(`${SANDBOX_CLIENT.clientId}:${SANDBOX_CLIENT.clientSecret}`);
		return {
			instance,
			server,
			sandbox,
			model,
			secrets: () => [
				SANDBOX_CLIENT.clientSecret,
				SANDBOX_API_KEY,
				basic.toString('base64'),
				model.apiKey,
				MCP_BEARER_TOKEN,
				...sandbox.issuedTokens,
			],
			stop: async () => {
				await server.stop();
				await stopServices();
			},
		};
	} catch (error) {
		await stopServices();
		throw error;
	}
}

/** Orange API requests the sandbox answered since `from` (token requests left out). */
export function orangeCalls(sandbox: OrangeSandbox, from = 0): string[] {
	return sandbox.requests
		.slice(from)
		.filter((request) => !request.path.startsWith('/oauth/'))
		.map((request) => `${request.method} ${request.path}`);
}
