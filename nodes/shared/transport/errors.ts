/**
 * Turns a failed attempt into the error the user sees: Orange's own words, the HTTP code, the
 * call, Orange's request id — and never a header of the request (token, API key).
 */
import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { OrangeApi } from '../gateway';
import {
	headerValue,
	isFormatError,
	isGenericTitle,
	isUnknownPathAnswer,
	NETWORK_WORDS,
	parseJsonObject,
	REQUEST_ID_HEADER,
} from '../gateway';
import { isToolNode } from '../toolMode';
import type { Failure } from './failure';
import { rememberAnswer } from './orangeAnswer';
import { NOT_SENT_CODES } from './retry';
import type { OrangeContext, OrangeRequest } from './types';

const MAYBE_DONE =
	'It was not sent again, to avoid doing it twice: check in the Orange customer space before trying again.';

interface Explanation {
	message: string;
	details: string[];
	orangeCode?: unknown;
}

/** Orange refused or failed to give a token: its message as the credential's preAuthentication wrote it. */
function tokenRefusalError(
	context: OrangeContext,
	tokenError: NonNullable<Failure['tokenError']>,
	itemIndex: number | undefined,
): NodeApiError {
	const { message, httpCode, requestId } = tokenError;
	return new NodeApiError(
		context.getNode(),
		{ message, httpCode: httpCode ?? null } as JsonObject,
		{
			message,
			description: requestId ? `Orange request ID: ${requestId}` : undefined,
			httpCode: httpCode !== undefined ? String(httpCode) : undefined,
			itemIndex,
		},
	);
}

/** No answer at all. The system code goes in the description: n8n rewrites a message that contains one. */
function explainNetworkFailure(
	api: OrangeApi,
	where: string,
	failure: Failure,
	idempotent: boolean,
): Explanation {
	const code = failure.networkCode ?? 'network error';
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT';
	const what = timedOut ? 'timed out' : (NETWORK_WORDS[code] ?? 'network error');
	let message = timedOut
		? `${api.label} did not answer in time (${where})`
		: `Could not reach ${api.label}: ${what} (${where})`;
	const details: string[] = [];
	if (!idempotent && !NOT_SENT_CODES.has(code)) {
		message = `${api.label}: the outcome of ${where} is unknown (${what})`;
		details.push(`The request may have reached Orange and been carried out. ${MAYBE_DONE}`);
	}
	details.push(`Network error code: ${code}`);
	return { message, details };
}

/**
 * The details as sentences, one a line: n8n's error view joins lines into one paragraph, where
 * each must still end where it ends.
 */
function asSentences(details: string[]): string {
	return details.map((detail) => (/[.!?]$/.test(detail) ? detail : `${detail}.`)).join('\n');
}

function firstText(...values: unknown[]): string | undefined {
	return values.find((value): value is string => typeof value === 'string');
}

/** The headline of an HTTP error: Orange's JSON error, else what the body looks like. */
function httpHeadline(api: OrangeApi, failure: Failure, orange: IDataObject | undefined) {
	const orangeMessage = firstText(orange?.message, orange?.error);
	const orangeDescription = firstText(orange?.description, orange?.error_description);
	const details: string[] = [];
	if (orangeMessage && orangeDescription && orangeDescription !== orangeMessage) {
		// "Resource not found" names a rule; "ND 0100000001 not found" says what happened: first.
		if (isGenericTitle(orangeMessage)) {
			const code = orange?.code !== undefined ? ` (Orange code ${String(orange.code)})` : '';
			details.push(`${orangeMessage}${code}`);
			return { message: `${api.label}: ${orangeDescription}`, details };
		}
		details.push(orangeDescription);
	}
	if (orangeMessage || orangeDescription) {
		return { message: `${api.label}: ${orangeMessage ?? orangeDescription}`, details };
	}
	const contentType = headerValue(failure.headers, 'content-type') ?? '';
	const body = failure.bodyText ?? '';
	if (!orange && (/html/i.test(contentType) || /^\s*</.test(body))) {
		const message = `${api.label} answered HTTP ${failure.status} with an HTML page instead of JSON: a proxy or the gateway failed, not the API`;
		return { message, details };
	}
	if (failure.incomplete)
		return { message: `${api.label} answered HTTP ${failure.status}`, details };
	const what =
		body.trim() !== '' ? "a body that is not Orange's JSON error format" : 'an empty body';
	return { message: `${api.label} answered HTTP ${failure.status} with ${what}`, details };
}

/** Orange (or a proxy) answered with an error status. */
function explainHttpFailure(
	api: OrangeApi,
	where: string,
	failure: Failure,
	idempotent: boolean,
): Explanation {
	const orange = parseJsonObject(failure.bodyText);
	const headline = httpHeadline(api, failure, orange);
	const { details } = headline;
	let { message } = headline;
	// A 404 about the thing asked for (an unknown address) is no sign of a wrong path.
	const pathInDoubt = failure.status !== 404 || isUnknownPathAnswer(orange);
	if (api.formatHint && pathInDoubt && isFormatError(failure.status, orange?.code)) {
		message = `${message} — ${api.formatHint}`;
	}
	const status = failure.status ?? 0;
	if (!idempotent && status >= 500) {
		// What the user must know first: it may have been done. Orange's words follow.
		const said = message.startsWith(`${api.label}: `)
			? `HTTP ${status}: ${message.slice(api.label.length + 2)}`
			: message.slice(api.label.length).trim();
		message = `${api.label}: the outcome of ${where} is unknown (${said})`;
		details.push(`The request may have been carried out by Orange. ${MAYBE_DONE}`);
	}
	if (status === 401) {
		details.push(
			'Orange refused the credentials after a token refresh: check the API key and that the application is subscribed to the API.',
		);
	}
	return { message, details, orangeCode: orange?.code };
}

/**
 * As a tool, the message is all a model is given: it carries the details too (what Orange's code
 * means, whether the request may have been carried out), but no system code (n8n would replace the
 * whole message with its generic "you can retry"). The description is the same details, so that n8n
 * does not append them a second time ("Details: …" when the message lacks the description).
 */
function asToolError(explained: string, details: string[]) {
	const description = asSentences(
		details.filter((detail) => !detail.startsWith('Network error code: ')),
	).replace(/\n/g, ' ');
	return { message: `${explained.replace(/\.$/, '')}. ${description}`, description };
}

/** The error for a failed attempt: Orange's words, the code, the call and the request id. */
export function toNodeApiError(
	context: OrangeContext,
	api: OrangeApi,
	request: OrangeRequest,
	failure: Failure,
	idempotent: boolean,
): NodeApiError {
	const itemIndex = request.itemIndex;
	if (failure.tokenError) return tokenRefusalError(context, failure.tokenError, itemIndex);
	const where = `${request.method} ${api.basePath}${request.path}`;
	const {
		message: explained,
		details,
		orangeCode,
	} = failure.status === undefined
		? explainNetworkFailure(api, where, failure, idempotent)
		: explainHttpFailure(api, where, failure, idempotent);
	const requestId = headerValue(failure.headers, REQUEST_ID_HEADER);
	details.push(`Request: ${where}`);
	if (requestId) details.push(`Orange request ID, for Orange support: ${requestId}`);
	const { message, description } = isToolNode(context.getNode())
		? asToolError(explained, details)
		: { message: explained, description: asSentences(details) };
	const httpCode = failure.status ?? null;
	const error = new NodeApiError(
		context.getNode(),
		{
			message,
			description,
			httpCode,
			orangeCode: (orangeCode as string | number | undefined) ?? null,
			requestId: requestId ?? null,
		} as JsonObject,
		{ message, description, httpCode: httpCode !== null ? String(httpCode) : undefined, itemIndex },
	);
	rememberAnswer(error, failure.status, parseJsonObject(failure.bodyText));
	return error;
}
