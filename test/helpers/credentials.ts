import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { addNodeTypes, runWorkflow, type TestCredentialsHelper } from './engine.ts';
import { credentialTypes, n8nWorkflow } from './package.ts';
import type { TestContext } from './sandbox.ts';

const { NodeConnectionTypes } = n8nWorkflow;

/** `this.helpers.httpRequest` as n8n gives it to `preAuthentication`: plain HTTP, no auth. */
export function requestHelpers(): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				const url = new URL(options.url);
				const response = await fetch(url, {
					method: options.method ?? 'GET',
					headers: options.headers as Record<string, string>,
					body: options.body as string | undefined,
				});
				const body = await response.text();
				if (!options.ignoreHttpStatusErrors && !response.ok)
					throw Object.assign(new Error(`HTTP ${response.status}`), { response });
				return options.returnFullResponse
					? { statusCode: response.status, headers: Object.fromEntries(response.headers), body }
					: body;
			},
		},
	} as unknown as IHttpRequestHelper;
}

/** Has a stored credential hold a token, as after any execution: its own preAuthentication's output. */
export async function holdToken(
	credentials: TestCredentialsHelper,
	typeName: string,
	credentialId: string,
): Promise<void> {
	const data = credentials.store.get(credentialId)!;
	Object.assign(
		data,
		await credentialTypes[typeName].preAuthentication!.call(requestHelpers(), data),
	);
}

/** n8n's verdict on a credential's Test, as its modal shows it. */
export interface CredentialVerdict {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * A credential's Test as n8n 2.40's server runs it (CredentialsTester): the `test.request` as the
 * routing of a throw-away declarative node, run by n8n-core's RoutingNode with the credential as
 * stored — a token it holds is reused, as n8n does — then judged: the rules on the answer's body,
 * the error's message when the request failed.
 */
export async function credentialTest(
	context: TestContext,
	typeName: string,
	credentialId: string,
): Promise<CredentialVerdict> {
	const type = credentialTypes[typeName];
	const nodeType = `test.credentialTest.${typeName}`;
	addNodeTypes({
		[nodeType]: {
			description: {
				displayName: 'Temp',
				name: nodeType,
				group: ['transform'],
				version: 1,
				description: "n8n's credential test node",
				defaults: { name: 'Temp-Node' },
				inputs: [NodeConnectionTypes.Main],
				outputs: [NodeConnectionTypes.Main],
				credentials: [{ name: typeName, required: true }],
				properties: [
					{
						displayName: 'Temp',
						name: 'temp',
						type: 'string',
						default: '',
						routing: { request: type.test!.request },
					},
				],
			},
		},
	});
	const { run, output, error } = await runWorkflow(
		{
			nodes: [
				{
					id: 'start',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: 'temp',
					name: 'Temp-Node',
					type: nodeType,
					typeVersion: 1,
					position: [200, 0],
					parameters: {},
					credentials: { [typeName]: { id: credentialId, name: credentialId } },
				},
			],
			connections: { Start: { main: [[{ node: 'Temp-Node', type: 'main', index: 0 }]] } },
		},
		context.credentials,
	);
	const failure = error ?? run.data.resultData.runData['Temp-Node']?.[0]?.error;
	if (failure) return { status: 'Error', message: failure.message };
	const body = output['Temp-Node']?.[0]?.json ?? {};
	for (const rule of type.test!.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && body[rule.properties.key] === rule.properties.value)
			return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection tested successfully' };
}
