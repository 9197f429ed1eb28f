import type { IDataObject } from 'n8n-workflow';

import { answerInError, tokenErrorWithMessage } from '../answerInError';
import { isOrangeTokenError } from '../gateway';
import { readBodyText } from './bodyText';
import { failedResponse } from './failedResponse';

/** What went wrong with one attempt, read from the error n8n raised. */
export interface Failure {
	status?: number;
	headers: IDataObject;
	bodyText?: string;
	networkCode?: string;
	message: string;
	tokenError?: { message: string; httpCode?: number; requestId?: string };
	/** n8n kept the status only (n8n 1.x after a token refresh): see `answerInError`. */
	incomplete?: boolean;
}

/** The error in the chain of causes that says what happened: a token refusal, an answer, a network code. */
function rootCause(error: unknown): IDataObject {
	let current = error as IDataObject | undefined;
	for (let depth = 0; depth < 6 && current; depth++) {
		if (
			isOrangeTokenError(current) ||
			failedResponse(current) ||
			typeof current.code === 'string'
		) {
			return current;
		}
		current = current.cause as IDataObject | undefined;
	}
	return (error ?? {}) as IDataObject;
}

/** Reads a failed call: Orange's refusal of a token, an HTTP answer, or a network failure. */
export async function readFailure(error: unknown): Promise<Failure> {
	let cause = rootCause(error);
	if (!isOrangeTokenError(cause))
		cause = (tokenErrorWithMessage(cause.message) as IDataObject) ?? cause;
	if (isOrangeTokenError(cause)) {
		const { message, tokenStatus, requestId } = cause;
		return { headers: {}, message, tokenError: { message, httpCode: tokenStatus, requestId } };
	}
	const response = failedResponse(cause);
	const failure: Failure = {
		headers: response?.headers ?? {},
		message: typeof cause.message === 'string' ? cause.message : 'Request failed',
	};
	if (response?.status !== undefined) {
		failure.status = response.status;
		failure.bodyText = await readBodyText(response.body);
	} else if (typeof cause.code === 'string') {
		failure.networkCode = cause.code;
	} else {
		// n8n 1.x: the status or system code only.
		const answer = answerInError(cause);
		failure.status = answer.status;
		failure.networkCode = answer.networkCode;
		failure.incomplete = !answer.complete;
	}
	return failure;
}

/** An answer n8n returned without throwing (`ignoreHttpStatusErrors`), as a failure when it is one. */
export async function failureOfAnswer(response: {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}): Promise<Failure | undefined> {
	if (response.statusCode < 400) return undefined;
	return {
		status: response.statusCode,
		headers: response.headers ?? {},
		bodyText: await readBodyText(response.body),
		message: `HTTP ${response.statusCode}`,
	};
}
