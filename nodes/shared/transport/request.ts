import type { IDataObject } from 'n8n-workflow';

import type { OrangeApi } from '../gateway';
import { toNodeApiError } from './errors';
import { send } from './send';
import type { OrangeContext, OrangeRequest } from './types';
import { isIdempotent } from './types';

/** One JSON call, with the answer's headers. Bodies that are not JSON (truncated, HTML) become a clear error. */
export async function requestJson<T>(
	context: OrangeContext,
	api: OrangeApi,
	request: OrangeRequest,
): Promise<{ body: T; headers: IDataObject }> {
	const idempotent = isIdempotent(request);
	for (let attempt = 0; ; attempt++) {
		const response = await send(context, api, request, 'text');
		const text = typeof response.body === 'string' ? response.body : '';
		if (text.trim() === '') return { body: {} as T, headers: response.headers };
		try {
			return { body: JSON.parse(text) as T, headers: response.headers };
		} catch {
			// A body cut off in transit: a read can be asked again, a write cannot.
			if (idempotent && attempt < 2) continue;
			const { statusCode: status, headers } = response;
			const failure = { status, headers, bodyText: text.slice(0, 200), message: 'Invalid JSON' };
			throw toNodeApiError(context, api, request, failure, idempotent);
		}
	}
}

/** One JSON call. */
export async function orangeApiRequest<T = IDataObject>(
	this: OrangeContext,
	api: OrangeApi,
	request: OrangeRequest,
): Promise<T> {
	return (await requestJson<T>(this, api, request)).body;
}
