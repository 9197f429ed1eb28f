import type { IDataObject } from 'n8n-workflow';

/** The HTTP answer a failed call got: what the retry rules and the error message are read from. */
export interface FailedResponse {
	status?: number;
	headers: IDataObject;
	body: unknown;
}

/**
 * Reads the answer out of one error object raised by n8n's HTTP client (an Axios-style
 * `response` with `status`, `headers` and `data`), or undefined when it carries none (a network
 * failure, or an error that wraps the one that does: see `readFailure`).
 */
export function failedResponse(error: IDataObject): FailedResponse | undefined {
	const response = error.response as IDataObject | undefined;
	if (!response) return undefined;
	return {
		status: typeof response.status === 'number' ? response.status : undefined,
		headers: (response.headers as IDataObject) ?? {},
		body: response.data,
	};
}
