import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

import { n8nWorkflow } from '../../helpers/package.ts';

const require = createRequire(import.meta.url);
const { answerInError } =
	require('../../../dist/nodes/shared/answerInError.js') as typeof import('../../../nodes/shared/answerInError');

describe('the answer inside an error of n8n request helpers', () => {
	it('n8n 2.x: the HTTP client error with its response (status, headers, body)', () => {
		const clientError = Object.assign(new Error('Request failed with status code 404'), {
			code: 'ERR_BAD_REQUEST',
			response: {
				status: 404,
				headers: { 'x-oapi-request-id': 'r-1' },
				data: '{"code":60,"message":"Resource not found"}',
			},
		});
		expect(answerInError(clientError as never)).toEqual({
			status: 404,
			headers: { 'x-oapi-request-id': 'r-1' },
			body: '{"code":60,"message":"Resource not found"}',
			complete: true,
		});
		expect(
			answerInError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }) as never),
		).toEqual({ headers: {}, networkCode: 'ECONNRESET', complete: true });
	});

	it("n8n 1.x: a NodeApiError that kept only httpCode (the status, or the system's code)", () => {
		const node = { name: 'Orange', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };
		const withStatus = new n8nWorkflow.NodeApiError(node as never, { message: 'x' } as never, {
			httpCode: '503',
		});
		expect(answerInError(withStatus as never)).toEqual({
			status: 503,
			headers: {},
			complete: false,
		});
		expect(answerInError({ httpCode: 'ECONNRESET' })).toEqual({
			headers: {},
			networkCode: 'ECONNRESET',
			complete: false,
		});
		expect(answerInError({ httpCode: null, message: 'odd' })).toEqual({
			headers: {},
			complete: false,
		});
	});
});
