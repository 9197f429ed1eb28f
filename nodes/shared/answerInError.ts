import type { IDataObject } from 'n8n-workflow';

/** The HTTP answer, or the system error code, that an error raised by n8n's request helpers holds. */
export interface AnswerInError {
	status?: number;
	headers: IDataObject;
	body?: unknown;
	/** A system error code (ECONNRESET…): no answer came. */
	networkCode?: string;
	/** False when n8n kept the status but dropped the headers and body. */
	complete: boolean;
}

/**
 * Reads the error in the two shapes n8n raises (feature detection, not a version check):
 * - n8n 2.x: the HTTP client's error, reached through `cause`: `response` (status, headers, data)
 *   or a system `code`;
 * - n8n 1.x: a NodeApiError without its cause (n8n-workflow 1.x's own `cause` field overwrites the
 *   one the Error constructor set), keeping only `httpCode`: the status as text, or the system
 *   code. Its headers and body are gone, so calls that need them do not let n8n throw.
 */
export function answerInError(error: IDataObject): AnswerInError {
	const response = error.response as IDataObject | undefined;
	if (response && typeof response.status === 'number') {
		return {
			status: response.status,
			headers: (response.headers as IDataObject) ?? {},
			body: response.data,
			complete: true,
		};
	}
	if (typeof error.code === 'string')
		return { headers: {}, networkCode: error.code, complete: true };
	const httpCode = typeof error.httpCode === 'string' ? error.httpCode : '';
	if (/^\d{3}$/.test(httpCode)) return { status: Number(httpCode), headers: {}, complete: false };
	if (/^[A-Z][A-Z_]+$/.test(httpCode))
		return { headers: {}, networkCode: httpCode, complete: false };
	return { headers: {}, complete: false };
}

/**
 * Errors the credentials' `preAuthentication` threw lately, by message. n8n 1.x keeps only the
 * message of such an error (see above), which is then told from a network failure here.
 */
const recentTokenErrors = new Map<string, object>();

export function rememberTokenError(error: Error): void {
	recentTokenErrors.delete(error.message);
	recentTokenErrors.set(error.message, error);
	if (recentTokenErrors.size > 32) recentTokenErrors.delete(recentTokenErrors.keys().next().value!);
}

/** The token error an error of n8n stands for, when it kept only its message. */
export function tokenErrorWithMessage(message: unknown): object | undefined {
	return typeof message === 'string' ? recentTokenErrors.get(message) : undefined;
}
