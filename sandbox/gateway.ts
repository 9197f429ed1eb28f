/**
 * Orange's API gateway: the token endpoint (Basic auth, a form body, client credentials), and
 * what it checks before any API sees a request — the Accept header, a Bearer token that is known
 * and not expired — with Orange's error bodies, a request id on every answer, faults on demand
 * and added latency. Every request is recorded.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';

import { applyFault, matchFault } from './faults.ts';
import { orangeError } from './orangeErrors.ts';
import type { RecordedRequest, SandboxState } from './state.ts';

export const TOKEN_PATH = '/oauth/v3/token';

const REFUSED_CREDENTIALS = {
	40: ['Missing credentials', 'The requested service needs credentials, but none were provided.'],
	41: [
		'Invalid credentials',
		'The requested service needs credentials, and the ones provided were invalid.',
	],
	42: [
		'Expired credentials',
		'The requested service needs credentials, and the ones provided were out-of-date.',
	],
} as const;

/** Whether the request carries a live token; if not, the 401 (code 40, 41 or 42) is sent. */
function checkBearer(sandbox: SandboxState, request: FastifyRequest, reply: FastifyReply): boolean {
	const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
	const info = match ? sandbox.tokens.get(match[1]) : undefined;
	const code = !match ? 40 : !info ? 41 : info.expiresAt <= Date.now() ? 42 : undefined;
	if (code === undefined) return true;
	const [message, description] = REFUSED_CREDENTIALS[code];
	void reply.code(401).send(orangeError(code, message, description));
	return false;
}

function record(sandbox: SandboxState, request: FastifyRequest, reply: FastifyReply) {
	const recorded: RecordedRequest = {
		at: Date.now(),
		method: request.method,
		url: request.url,
		path: request.url.split('?')[0],
		headers: { ...request.headers },
		body: request.body,
	};
	sandbox.requests.push(recorded);
	reply.raw.on('finish', () => {
		recorded.status ??= reply.statusCode;
	});
	return recorded;
}

/** What the gateway does before an API sees a request. */
async function beforeApi(sandbox: SandboxState, request: FastifyRequest, reply: FastifyReply) {
	const path = request.url.split('?')[0];
	if (path.startsWith('/__sandbox')) return undefined;
	const recorded = record(sandbox, request, reply);
	reply.header('X-OAPI-Request-Id', `sbx-${randomBytes(6).toString('hex')}`);
	const rule = matchFault(sandbox, request);
	if (rule && (await applyFault(sandbox, rule, request, reply, recorded))) return reply;
	if (path === TOKEN_PATH) return undefined;
	if (sandbox.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, sandbox.latencyMs));
	if (!/application\/json|\*\/\*/.test(request.headers.accept ?? '')) {
		return reply
			.code(406)
			.send(orangeError(62, 'Not Acceptable', 'The Accept header must allow application/json.'));
	}
	if (!checkBearer(sandbox, request, reply)) return reply;
	return undefined;
}

/** The token endpoint: RFC 6749 client credentials, Orange's way (expires_in as a string). */
async function issueToken(sandbox: SandboxState, request: FastifyRequest, reply: FastifyReply) {
	sandbox.tokenRequests++;
	const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
	const [clientId, clientSecret] = basic
		? Buffer.from(basic[1], 'base64').toString('utf8').split(':')
		: [];
	const client = sandbox.options.clients.find(
		(c) => c.clientId === clientId && c.clientSecret === clientSecret,
	);
	if (!client) {
		return reply.code(401).send({
			error: 'invalid_client',
			error_description:
				'The requested service needs credentials, and the ones provided were invalid.',
		});
	}
	const body = (request.body ?? {}) as Record<string, string>;
	const contentType = String(request.headers['content-type'] ?? '');
	if (
		!contentType.startsWith('application/x-www-form-urlencoded') ||
		body.grant_type !== 'client_credentials'
	) {
		return reply.code(400).send({
			error: 'unsupported_grant_type',
			error_description: 'grant_type must be client_credentials',
		});
	}
	const token = randomBytes(18).toString('base64url');
	sandbox.issuedTokens.push(token);
	const expiresAt = Date.now() + sandbox.options.tokenTtlSeconds * 1000;
	sandbox.tokens.set(token, { clientId: client.clientId, expiresAt });
	// Orange sends expires_in as a string on some gateways: the package must accept both.
	const expiresIn = String(sandbox.options.tokenTtlSeconds);
	return { token_type: 'Bearer', access_token: token, expires_in: expiresIn };
}

/** The gateway's parsers, error answers, checks and token endpoint. */
export function gatewayRoutes(sandbox: SandboxState): void {
	const app = sandbox.app;
	app.addContentTypeParser(
		'application/x-www-form-urlencoded',
		{ parseAs: 'string' },
		(_req, body, done) => {
			done(null, Object.fromEntries(new URLSearchParams(body as string)));
		},
	);
	app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
		const status = error.statusCode ?? 500;
		const body =
			status === 400
				? orangeError(22, 'Invalid body', error.message)
				: orangeError(1, 'Internal error', error.message);
		void reply.code(status).send(body);
	});
	app.setNotFoundHandler((request, reply) => {
		const where = `${request.method} ${request.url.split('?')[0]}`;
		void reply.code(404).send(orangeError(60, 'Resource not found', `No resource at ${where}`));
	});
	app.addHook('preHandler', async (request, reply) => await beforeApi(sandbox, request, reply));
	app.post(TOKEN_PATH, async (request, reply) => await issueToken(sandbox, request, reply));
}
