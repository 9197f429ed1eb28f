/**
 * When a failed call is sent again: rate limits (429, 403 code 53) and 503 with Retry-After
 * always, honouring Retry-After; other 5xx, resets and timeouts only for calls that are safe to
 * send twice (reads); never a refused token. Bounded in attempts and in time waited.
 */
import type { IDataObject } from 'n8n-workflow';

import { headerValue, parseJsonObject } from '../gateway';
import type { Failure } from './failure';

const MAX_ATTEMPTS = 6;
const MAX_SINGLE_WAIT_MS = 60_000;
const MAX_TOTAL_WAIT_MS = 120_000;

/** Network failures where the request never left: sending it again is always safe. */
export const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
const MAYBE_SENT_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ERR_BAD_RESPONSE',
	'ERR_STREAM_PREMATURE_CLOSE',
]);

function retryAfterMs(headers: IDataObject): number | undefined {
	const value = headerValue(headers, 'retry-after');
	if (value === undefined) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function backoffMs(attempt: number): number {
	return Math.min(500 * 2 ** attempt, 8_000) + Math.floor(Math.random() * 250);
}

function isRateLimited(failure: Failure): boolean {
	if (failure.status === 429) return true;
	if (failure.status !== 403) return false;
	const code = parseJsonObject(failure.bodyText)?.code;
	return code === 53 || code === '53';
}

/** How long to wait before the next attempt, or undefined when it must not be retried. */
export function retryDelay(
	failure: Failure,
	attempt: number,
	idempotent: boolean,
): number | undefined {
	if (failure.tokenError) return undefined;
	const retryAfter = retryAfterMs(failure.headers);
	if (isRateLimited(failure)) return retryAfter ?? backoffMs(attempt);
	if (failure.status === 503 && retryAfter !== undefined) return retryAfter;
	if (failure.status !== undefined) {
		return idempotent && [500, 502, 503, 504].includes(failure.status)
			? backoffMs(attempt)
			: undefined;
	}
	if (failure.networkCode && NOT_SENT_CODES.has(failure.networkCode)) return backoffMs(attempt);
	if (failure.networkCode && MAYBE_SENT_CODES.has(failure.networkCode) && idempotent) {
		return backoffMs(attempt);
	}
	return undefined;
}

/** Whether a wait of `delay` before attempt `attempt + 1` stays within the bounds, `waited` ms waited so far. */
export function withinRetryBudget(
	delay: number | undefined,
	attempt: number,
	waited: number,
): delay is number {
	return (
		delay !== undefined &&
		attempt + 1 < MAX_ATTEMPTS &&
		delay <= MAX_SINGLE_WAIT_MS &&
		waited + delay <= MAX_TOTAL_WAIT_MS
	);
}
