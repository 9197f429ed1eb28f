import type {
	ICredentialDataDecryptedObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { buildWorkflow } from './engine.ts';
import { credentialTypes } from './package.ts';
import type { TestContext } from './sandbox.ts';

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

/** Sends a credential's `test` request the way n8n's credential modal does: token, then headers. */
export async function credentialTestRequest(
	context: TestContext,
	typeName: string,
	credentialId: string,
) {
	const type = credentialTypes[typeName];
	const data = { ...context.credentials.store.get(credentialId) } as ICredentialDataDecryptedObject;
	Object.assign(data, await type.preAuthentication!.call(requestHelpers(), data));
	const workflow = buildWorkflow({
		nodes: [
			{ id: 'x', name: 'X', type: 'test.items', typeVersion: 1, position: [0, 0], parameters: {} },
		],
		connections: {},
	});
	const node = workflow.getNode('X')!;
	const resolve = (value: unknown) =>
		workflow.expression.getSimpleParameterValue(
			node,
			value as string,
			'internal',
			{ $credentials: data },
			undefined,
			'',
		) as unknown;
	const request = type.test!.request;
	const options = (await context.credentials.authenticate(
		data,
		typeName,
		{ url: '', headers: { ...request.headers } } as IHttpRequestOptions,
		workflow,
		node,
	)) as IHttpRequestOptions;
	const url = new URL(`${resolve(request.baseURL) as string}${request.url ?? ''}`);
	for (const [key, value] of Object.entries(request.qs ?? {}))
		url.searchParams.set(key, String(value));
	const resolveDeep = (value: unknown): unknown =>
		typeof value === 'string'
			? resolve(value)
			: Array.isArray(value)
				? value.map(resolveDeep)
				: value && typeof value === 'object'
					? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDeep(v)]))
					: value;
	const body = request.body ? JSON.stringify(resolveDeep(request.body)) : undefined;
	return await fetch(url, {
		method: request.method ?? 'GET',
		headers: {
			...(options.headers as Record<string, string>),
			...(body ? { 'Content-Type': 'application/json' } : {}),
		},
		body,
	});
}
