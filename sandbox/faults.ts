/**
 * Faults on demand: rules a test (or `POST /__sandbox/faults`) adds, matched against each request
 * and acted out by the gateway — Orange's rate limits, any status, expired tokens, slow answers,
 * truncated bodies, cut connections, a proxy's HTML page, a redirect to another host.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

import type { ActiveFault, FaultRule } from './faultRules.ts';
import { orangeError } from './orangeErrors.ts';
import type { RecordedRequest, SandboxState } from './state.ts';

const PROXY_PAGE =
	'<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

/** The first rule that fires on this request, counted as fired. */
export function matchFault(
	sandbox: SandboxState,
	request: FastifyRequest,
): ActiveFault | undefined {
	const path = request.url.split('?')[0];
	for (const rule of sandbox.faults) {
		if (rule.method && rule.method.toUpperCase() !== request.method) continue;
		if (rule.path && !path.startsWith(rule.path)) continue;
		if (rule.times !== undefined && rule.fired >= rule.times) continue;
		rule.seen++;
		if (rule.every && rule.seen % rule.every !== 0) continue;
		if (rule.ratio !== undefined && sandbox.random() >= rule.ratio) continue;
		rule.fired++;
		return rule;
	}
	return undefined;
}

/** An error status: Orange's rate limit (code 53), or the status and body the rule names. */
async function answerStatus(rule: FaultRule, reply: FastifyReply, record: RecordedRequest) {
	const status = rule.status ?? (rule.kind === 'rateLimit' ? 429 : 500);
	if (rule.retryAfter !== undefined) reply.header('Retry-After', String(rule.retryAfter));
	record.status = status;
	const body =
		rule.kind === 'rateLimit'
			? orangeError(
					53,
					'Too many requests',
					'The application has made too many calls and has exceeded the rate limit for this service.',
				)
			: (rule.body ??
				orangeError(
					status >= 500 ? 1 : 20,
					status >= 500 ? 'Internal error' : 'Bad request',
					`Injected fault ${status}`,
				));
	await reply.code(status).send(body);
}

/** A body cut off midway: the length announced, then the socket closed. */
function truncate(reply: FastifyReply, record: RecordedRequest) {
	reply.hijack();
	const raw = reply.raw;
	const body = '{"id":"OCB0001234","name":"Flexible Eng';
	raw.writeHead(200, {
		'Content-Type': 'application/json',
		'Content-Length': String(body.length + 40),
	});
	raw.write(body);
	raw.destroy();
	record.status = 200;
}

/** Acts out a fault; true when the answer has been given (or the socket cut). */
export async function applyFault(
	sandbox: SandboxState,
	rule: FaultRule,
	request: FastifyRequest,
	reply: FastifyReply,
	record: RecordedRequest,
): Promise<boolean> {
	record.fault = rule.kind;
	switch (rule.kind) {
		case 'expireToken':
			sandbox.expireTokens();
			return false;
		case 'slow':
			await new Promise((resolve) => setTimeout(resolve, rule.delayMs ?? 5_000));
			return false;
		case 'rateLimit':
		case 'status':
			await answerStatus(rule, reply, record);
			return true;
		case 'html':
			record.status = rule.status ?? 502;
			await reply
				.code(rule.status ?? 502)
				.type('text/html')
				.send(PROXY_PAGE);
			return true;
		case 'truncate':
			truncate(reply, record);
			return true;
		case 'reset':
			reply.hijack();
			request.raw.socket.destroy();
			return true;
		case 'redirect': {
			const id = request.url.split('/')[5] ?? '';
			record.status = 302;
			const location = `${sandbox.storageUrl}/files/${encodeURIComponent(decodeURIComponent(id))}`;
			await reply.code(302).header('Location', location).send();
			return true;
		}
	}
	return false;
}
