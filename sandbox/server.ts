/**
 * A simulator of Orange's API gateway and of the Cloud Store Customer Space API, on loopback.
 * It enforces what the gateway enforces (Basic auth on the token endpoint, Bearer tokens that
 * expire, the Accept header, X-API-Key, X-ECCS-Contract-Id, Orange's error bodies) and injects
 * faults on demand. Tests start it on a random port; `npm run sandbox` starts it by hand.
 */
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import type { Client, Contract, SandboxDocument } from './data.ts';
import {
	DOCUMENT_TYPES,
	extensionOf,
	makeDocument,
	MIME_TYPES,
	SANDBOX_API_KEY,
	SANDBOX_CLIENT,
	SANDBOX_LIMITED_API_KEY,
	SEED_CONTRACTS,
	scaledDataset,
	seedDocuments,
} from './data.ts';
import { answerEligibility, ELIGIBILITY_PATH } from './eligibilityApi.ts';
import { billingReportXlsx, consumptionCsv, generatedFile, invoicePdf } from './files.ts';

export type FaultKind =
	| 'status'
	| 'rateLimit'
	| 'expireToken'
	| 'slow'
	| 'truncate'
	| 'reset'
	| 'html'
	| 'redirect';

export interface FaultRule {
	kind: FaultKind;
	/** Only requests whose method and path (prefix, without query) match. Token calls are matched too. */
	method?: string;
	path?: string;
	/** Fire on at most this many matching requests (default: 1). */
	times?: number;
	/** Fire on every Nth matching request only. */
	every?: number;
	/** Fire on this share of matching requests (0–1), drawn from a seeded generator: replayable. */
	ratio?: number;
	status?: number;
	body?: unknown;
	retryAfter?: number;
	delayMs?: number;
}

export interface RecordedRequest {
	method: string;
	url: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body?: unknown;
	fault?: FaultKind;
	status?: number;
	/** When it arrived (ms since the epoch). */
	at: number;
}

export interface SandboxOptions {
	port?: number;
	host?: string;
	/** Token lifetime, seconds. */
	tokenTtlSeconds?: number;
	/** Added to every API answer (not the token endpoint), milliseconds. */
	latencyMs?: number;
	/** Largest page the list endpoints return. */
	maxPageSize?: number;
	clients?: Client[];
	/** Answers every list from its start, whatever `offset` says (an API that ignores it). */
	ignoreOffset?: boolean;
	/** Whether list answers carry X-Total-Count (Orange Business APIs do; this one is not documented). */
	totalCountHeader?: boolean;
	/** More API keys that see every contract (canary values for leak tests). */
	extraApiKeys?: string[];
	/** Seed of the generator behind `ratio` faults. */
	seed?: number;
	/** A bigger world than the seeded one (benchmarks): see `scaledDataset`. */
	scale?: { contracts: number; documentsPerContract: number };
	log?: boolean;
}

interface TokenInfo {
	clientId: string;
	expiresAt: number;
}

const API = '/cloud/b2b/v1';

export function orangeError(code: number, message: string, description: string) {
	return { code, message, description };
}

export class OrangeSandbox {
	readonly app: FastifyInstance;
	/** A second origin, for files the API redirects to (a storage link). */
	readonly storage: FastifyInstance;
	url = '';
	storageUrl = '';
	contracts: Contract[] = [];
	documents: SandboxDocument[] = [];
	requests: RecordedRequest[] = [];
	storageRequests: RecordedRequest[] = [];
	tokenRequests = 0;
	createdContracts: Record<string, unknown>[] = [];
	addedUsers: Record<string, unknown>[] = [];
	/** Eligibility checks answered, and the most in progress at once (for the concurrency option). */
	eligibilityChecks = 0;
	eligibilityInFlight = 0;
	eligibilityMaxInFlight = 0;
	faults: (FaultRule & { fired: number; seen: number })[] = [];
	latencyMs: number;
	private tokens = new Map<string, TokenInfo>();
	/** Every access token issued since the last reset (to look for them where they must not be). */
	issuedTokens: string[] = [];
	private random: () => number;
	private files = new Map<string, Uint8Array>();
	private contractCounter = 9300;
	private readonly options: Required<
		Omit<SandboxOptions, 'port' | 'host' | 'latencyMs' | 'log' | 'scale'>
	>;
	private readonly scale: SandboxOptions['scale'];

	constructor(options: SandboxOptions = {}) {
		this.options = {
			tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
			maxPageSize: options.maxPageSize ?? 100,
			clients: options.clients ?? [SANDBOX_CLIENT],
			totalCountHeader: options.totalCountHeader ?? false,
			ignoreOffset: options.ignoreOffset ?? false,
			extraApiKeys: options.extraApiKeys ?? [],
			seed: options.seed ?? 1,
		};
		this.scale = options.scale;
		this.random = seeded(this.options.seed);
		this.latencyMs = options.latencyMs ?? 0;
		this.app = Fastify({
			logger: options.log ?? false,
			routerOptions: { ignoreTrailingSlash: true },
		});
		this.storage = Fastify({ logger: false });
		this.resetData();
		this.routes();
	}

	resetData(): void {
		if (this.scale) {
			({ contracts: this.contracts, documents: this.documents } = scaledDataset(
				this.scale.contracts,
				this.scale.documentsPerContract,
			));
		} else {
			this.contracts = SEED_CONTRACTS.map((contract) => structuredClone(contract));
			this.documents = seedDocuments(this.contracts);
		}
		this.requests = [];
		this.storageRequests = [];
		this.tokenRequests = 0;
		this.createdContracts = [];
		this.addedUsers = [];
		this.eligibilityChecks = 0;
		this.eligibilityInFlight = 0;
		this.eligibilityMaxInFlight = 0;
		this.faults = [];
		this.tokens.clear();
		this.issuedTokens = [];
		this.random = seeded(this.options.seed);
	}

	async start(port = 0, host = '127.0.0.1'): Promise<this> {
		await this.app.listen({ port, host });
		await this.storage.listen({ port: 0, host });
		this.url = `http://${host}:${(this.app.server.address() as AddressInfo).port}`;
		this.storageUrl = `http://${host}:${(this.storage.server.address() as AddressInfo).port}`;
		return this;
	}

	async stop(): Promise<void> {
		await this.app.close();
		await this.storage.close();
	}

	addFault(rule: FaultRule): void {
		this.faults.push({ times: 1, ...rule, fired: 0, seen: 0 });
	}

	clearFaults(): void {
		this.faults = [];
	}

	/** Makes every token issued so far expired: the next call answers 401 code 42. */
	expireTokens(): void {
		for (const info of this.tokens.values()) info.expiresAt = 0;
	}

	/**
	 * Adds a document to a contract, as Orange does when a new invoice is issued. With `sizeBytes`,
	 * its file is that many generated bytes, streamed (never held in memory).
	 */
	addDocument(
		contractId: string,
		period: string,
		documentType: string,
		createdAt = new Date().toISOString(),
		sizeBytes?: number,
	): SandboxDocument {
		const contract = this.contracts.find((c) => c.id === contractId);
		if (!contract) throw new Error(`No contract ${contractId}`);
		const n = this.documents.filter(
			(d) =>
				d.contractId === contractId &&
				d.period.startsWith(period) &&
				d.documentType === documentType,
		).length;
		const document = makeDocument(contract, period, documentType, createdAt, n);
		if (sizeBytes !== undefined) document.sizeBytes = sizeBytes;
		this.documents.push(document);
		return document;
	}

	/** The exact bytes the API serves for a document. */
	async fileBytes(document: SandboxDocument): Promise<Uint8Array> {
		let bytes = this.files.get(document.id);
		if (!bytes) {
			const contract = this.contracts.find((c) => c.id === document.contractId);
			const facts = {
				...document,
				period: document.period.slice(0, 6),
				contractName: contract?.name ?? '',
			};
			const ext = extensionOf(document.documentType);
			if (ext === 'pdf') bytes = await invoicePdf(facts);
			else if (ext === 'xlsx') bytes = billingReportXlsx(facts);
			else bytes = consumptionCsv(facts, document.documentType === 'reports' ? 40 : 180);
			this.files.set(document.id, bytes);
		}
		return bytes;
	}

	apiRequests(): RecordedRequest[] {
		return this.requests.filter((r) => r.path.startsWith(API));
	}

	// ---------------------------------------------------------------- gateway

	private matchFault(
		request: FastifyRequest,
	): (FaultRule & { fired: number; seen: number }) | undefined {
		const path = request.url.split('?')[0];
		for (const rule of this.faults) {
			if (rule.method && rule.method.toUpperCase() !== request.method) continue;
			if (rule.path && !path.startsWith(rule.path)) continue;
			if (rule.times !== undefined && rule.fired >= rule.times) continue;
			rule.seen++;
			if (rule.every && rule.seen % rule.every !== 0) continue;
			if (rule.ratio !== undefined && this.random() >= rule.ratio) continue;
			rule.fired++;
			return rule;
		}
		return undefined;
	}

	/** Acts out a fault; true when the answer has been given (or the socket cut). */
	private async applyFault(
		rule: FaultRule,
		request: FastifyRequest,
		reply: FastifyReply,
		record: RecordedRequest,
	): Promise<boolean> {
		record.fault = rule.kind;
		switch (rule.kind) {
			case 'expireToken':
				this.expireTokens();
				return false;
			case 'slow':
				await new Promise((resolve) => setTimeout(resolve, rule.delayMs ?? 5_000));
				return false;
			case 'rateLimit': {
				const status = rule.status ?? 429;
				if (rule.retryAfter !== undefined) reply.header('Retry-After', String(rule.retryAfter));
				record.status = status;
				await reply
					.code(status)
					.send(
						orangeError(
							53,
							'Too many requests',
							'The application has made too many calls and has exceeded the rate limit for this service.',
						),
					);
				return true;
			}
			case 'status': {
				const status = rule.status ?? 500;
				if (rule.retryAfter !== undefined) reply.header('Retry-After', String(rule.retryAfter));
				record.status = status;
				await reply
					.code(status)
					.send(
						rule.body ??
							orangeError(
								status >= 500 ? 1 : 20,
								status >= 500 ? 'Internal error' : 'Bad request',
								`Injected fault ${status}`,
							),
					);
				return true;
			}
			case 'html':
				record.status = rule.status ?? 502;
				await reply
					.code(rule.status ?? 502)
					.type('text/html')
					.send(
						'<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
					);
				return true;
			case 'truncate': {
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
				return true;
			}
			case 'reset':
				reply.hijack();
				request.raw.socket.destroy();
				return true;
			case 'redirect': {
				const id = request.url.split('/')[5] ?? '';
				record.status = 302;
				await reply
					.code(302)
					.header(
						'Location',
						`${this.storageUrl}/files/${encodeURIComponent(decodeURIComponent(id))}`,
					)
					.send();
				return true;
			}
		}
		return false;
	}

	private checkBearer(request: FastifyRequest, reply: FastifyReply): boolean {
		const header = request.headers.authorization ?? '';
		const match = /^Bearer\s+(\S+)$/i.exec(header);
		if (!match) {
			void reply
				.code(401)
				.send(
					orangeError(
						40,
						'Missing credentials',
						'The requested service needs credentials, but none were provided.',
					),
				);
			return false;
		}
		const info = this.tokens.get(match[1]);
		if (!info) {
			void reply
				.code(401)
				.send(
					orangeError(
						41,
						'Invalid credentials',
						'The requested service needs credentials, and the ones provided were invalid.',
					),
				);
			return false;
		}
		if (info.expiresAt <= Date.now()) {
			void reply
				.code(401)
				.send(
					orangeError(
						42,
						'Expired credentials',
						'The requested service needs credentials, and the ones provided were out-of-date.',
					),
				);
			return false;
		}
		return true;
	}

	private visibleContracts(request: FastifyRequest): Contract[] | undefined {
		const key = request.headers['x-api-key'];
		if (key === SANDBOX_API_KEY || this.options.extraApiKeys.includes(String(key)))
			return this.contracts;
		if (key === SANDBOX_LIMITED_API_KEY) return this.contracts.slice(0, 1);
		return undefined;
	}

	private contractFromHeader(request: FastifyRequest, reply: FastifyReply): Contract | undefined {
		const visible = this.visibleContracts(request) ?? [];
		const id = request.headers['x-eccs-contract-id'];
		if (typeof id !== 'string' || id === '') {
			void reply
				.code(400)
				.send(orangeError(25, 'Missing header', 'The X-ECCS-Contract-Id header is required.'));
			return undefined;
		}
		const contract = visible.find((c) => c.id === id);
		if (!contract) {
			void reply
				.code(404)
				.send(orangeError(60, 'Resource not found', `Contract ${id} not found in your perimeter.`));
			return undefined;
		}
		return contract;
	}

	private page<T>(request: FastifyRequest, reply: FastifyReply, list: T[]): T[] {
		if (this.options.totalCountHeader) void reply.header('X-Total-Count', String(list.length));
		const query = request.query as Record<string, string | undefined>;
		const limit = Math.min(Number(query.limit ?? 10) || 10, this.options.maxPageSize);
		const offset = this.options.ignoreOffset ? 0 : Math.max(Number(query.offset ?? 0) || 0, 0);
		return list.slice(offset, offset + limit);
	}

	// ----------------------------------------------------------------- routes

	private routes(): void {
		const app = this.app;

		app.addContentTypeParser(
			'application/x-www-form-urlencoded',
			{ parseAs: 'string' },
			(_req, body, done) => {
				done(null, Object.fromEntries(new URLSearchParams(body as string)));
			},
		);

		app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
			const status = error.statusCode ?? 500;
			void reply
				.code(status)
				.send(
					status === 400
						? orangeError(22, 'Invalid body', error.message)
						: orangeError(1, 'Internal error', error.message),
				);
		});

		app.setNotFoundHandler((request, reply) => {
			void reply
				.code(404)
				.send(
					orangeError(
						60,
						'Resource not found',
						`No resource at ${request.method} ${request.url.split('?')[0]}`,
					),
				);
		});

		app.addHook('preHandler', async (request, reply) => {
			const path = request.url.split('?')[0];
			if (path.startsWith('/__sandbox')) return;
			const record: RecordedRequest = {
				at: Date.now(),
				method: request.method,
				url: request.url,
				path,
				headers: { ...request.headers },
				body: request.body,
			};
			this.requests.push(record);
			reply.raw.on('finish', () => {
				record.status ??= reply.statusCode;
			});
			reply.header('X-OAPI-Request-Id', `sbx-${randomBytes(6).toString('hex')}`);
			if (path.startsWith('/eligibilite-operateur')) {
				this.eligibilityInFlight++;
				this.eligibilityMaxInFlight = Math.max(
					this.eligibilityMaxInFlight,
					this.eligibilityInFlight,
				);
				reply.raw.on('close', () => this.eligibilityInFlight--);
			}
			const rule = this.matchFault(request);
			if (rule && (await this.applyFault(rule, request, reply, record))) return reply;
			if (path === '/oauth/v3/token') return;
			if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
			const accept = request.headers.accept ?? '';
			if (!/application\/json|\*\/\*/.test(accept)) {
				return reply
					.code(406)
					.send(
						orangeError(62, 'Not Acceptable', 'The Accept header must allow application/json.'),
					);
			}
			if (!this.checkBearer(request, reply)) return reply;
			if (path.startsWith(API) && !this.visibleContracts(request)) {
				const key = request.headers['x-api-key'];
				return key
					? reply
							.code(403)
							.send(orangeError(50, 'Access denied', 'The X-API-Key is not valid for this API.'))
					: reply
							.code(401)
							.send(orangeError(40, 'Missing credentials', 'The X-API-Key header is required.'));
			}
			return undefined;
		});

		app.post('/oauth/v3/token', async (request, reply) => {
			this.tokenRequests++;
			const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
			const [clientId, clientSecret] = basic
				? Buffer.from(basic[1], 'base64').toString('utf8').split(':')
				: [];
			const client = this.options.clients.find(
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
			if (
				!String(request.headers['content-type'] ?? '').startsWith(
					'application/x-www-form-urlencoded',
				) ||
				body.grant_type !== 'client_credentials'
			) {
				return reply.code(400).send({
					error: 'unsupported_grant_type',
					error_description: 'grant_type must be client_credentials',
				});
			}
			const token = randomBytes(18).toString('base64url');
			this.issuedTokens.push(token);
			this.tokens.set(token, {
				clientId: client.clientId,
				expiresAt: Date.now() + this.options.tokenTtlSeconds * 1000,
			});
			// Orange sends expires_in as a string on some gateways: the package must accept both.
			return {
				token_type: 'Bearer',
				access_token: token,
				expires_in: String(this.options.tokenTtlSeconds),
			};
		});

		app.get(`${API}/contracts`, async (request, reply) => {
			return this.page(request, reply, this.visibleContracts(request) ?? []).map((c) => ({
				id: c.id,
				name: c.name,
				createdAt: c.createdAt,
				offer: c.offer,
			}));
		});

		app.get(`${API}/contract`, async (request, reply) => {
			const contract = this.contractFromHeader(request, reply);
			if (!contract) return reply;
			const { billingAccountId: _billing, ...shown } = contract;
			return shown;
		});

		app.post(`${API}/contract`, async (request, reply) => {
			const body = (request.body ?? {}) as Record<string, unknown>;
			const required = [
				'billingAccountId',
				'offerCode',
				'contractName',
				'supportLevel',
				'referentCivility',
				'referentName',
				'referentFirstName',
				'referentMail',
			];
			const missing = required.filter(
				(field) => typeof body[field] !== 'string' || body[field] === '',
			);
			if (missing.length)
				return reply
					.code(400)
					.send(orangeError(23, 'Missing body field', `Missing field(s): ${missing.join(', ')}`));
			if (!['M', 'Mme'].includes(body.referentCivility as string)) {
				return reply
					.code(400)
					.send(orangeError(24, 'Invalid body field', 'referentCivility must be M or Mme'));
			}
			const id = `OCB000${++this.contractCounter}`;
			const now = new Date().toISOString();
			this.contracts.push({
				id,
				name: body.contractName as string,
				contractType: 'SUBSCRIPTION',
				offer: { id: body.offerCode as string, name: body.offerCode as string },
				platformId: '',
				customer,
				contact: {
					lastName: body.referentName as string,
					firstName: body.referentFirstName as string,
					name: `${body.referentFirstName as string} ${body.referentName as string}`,
					email: body.referentMail as string,
					title: body.referentCivility as string,
				},
				createdAt: now,
				updatedAt: now,
				billingAccountId: body.billingAccountId as string,
			});
			this.createdContracts.push({ id, ...body });
			return reply.code(201).send({ id });
		});

		app.get(`${API}/documents`, async (request, reply) => {
			const contract = this.contractFromHeader(request, reply);
			if (!contract) return reply;
			const { documentType } = request.query as Record<string, string | undefined>;
			// Observed behaviour: no filter lists all; 'all' or an unknown type answers documents: null.
			if (
				documentType !== undefined &&
				documentType !== '' &&
				!DOCUMENT_TYPES.includes(documentType)
			) {
				return { documents: null };
			}
			const list = this.documents
				.filter(
					(d) => d.contractId === contract.id && (!documentType || d.documentType === documentType),
				)
				.sort((a, b) =>
					a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1,
				)
				.map(({ contractId: _c, sizeBytes: _s, ...shown }) => shown);
			return this.page(request, reply, list);
		});

		app.get(`${API}/documents/:id/file`, async (request, reply) => {
			const contract = this.contractFromHeader(request, reply);
			if (!contract) return reply;
			const { id } = request.params as { id: string };
			const document = this.documents.find((d) => d.id === id && d.contractId === contract.id);
			if (!document)
				return reply
					.code(404)
					.send(
						orangeError(
							60,
							'Resource not found',
							`Document ${id} not found for contract ${contract.id}.`,
						),
					);
			return this.sendFile(reply, document);
		});

		app.post(`${API}/contract/:contractId/user`, async (request, reply) => {
			const { contractId } = request.params as { contractId: string };
			const contract = (this.visibleContracts(request) ?? []).find((c) => c.id === contractId);
			if (!contract)
				return reply
					.code(404)
					.send(
						orangeError(
							60,
							'Resource not found',
							`Contract ${contractId} not found in your perimeter.`,
						),
					);
			const body = (request.body ?? {}) as Record<string, unknown>;
			const missing = ['civility', 'lastName', 'firstName', 'email', 'login'].filter(
				(f) => typeof body[f] !== 'string' || body[f] === '',
			);
			if (missing.length)
				return reply
					.code(400)
					.send(orangeError(23, 'Missing body field', `Missing field(s): ${missing.join(', ')}`));
			const roles = (body.roles as { contracts?: unknown } | undefined)?.contracts;
			if (
				!Array.isArray(roles) ||
				roles.length === 0 ||
				roles.some((r) => r !== 'visitor' && r !== 'manager')
			) {
				return reply
					.code(400)
					.send(
						orangeError(24, 'Invalid body field', 'roles.contracts must list visitor or manager'),
					);
			}
			if (!/^[A-Za-z0-9._-]{8,64}$/.test(body.login as string)) {
				return reply
					.code(400)
					.send(orangeError(24, 'Invalid body field', 'login must be 8 to 64 characters'));
			}
			this.addedUsers.push({ contractId, ...body });
			return reply.code(201).send(body);
		});

		app.post(ELIGIBILITY_PATH, async (request, reply) => {
			const { status, body, answered } = answerEligibility(
				(request.body ?? {}) as Record<string, unknown>,
			);
			if (answered) this.eligibilityChecks++;
			return reply.code(status).send(body);
		});

		// Control endpoints, for the demo and the end-to-end tests (never part of Orange's API).
		app.get('/__sandbox/stats', async () => ({
			tokenRequests: this.tokenRequests,
			requests: this.requests.length,
			createdContracts: this.createdContracts.length,
			addedUsers: this.addedUsers.length,
			faults: this.faults.map(({ kind, fired }) => ({ kind, fired })),
		}));
		app.post('/__sandbox/faults', async (request) => {
			const rules = ([] as FaultRule[]).concat(request.body as FaultRule | FaultRule[]);
			rules.forEach((rule) => this.addFault(rule));
			return { faults: this.faults.length };
		});
		app.post('/__sandbox/reset', async () => {
			this.resetData();
			return { ok: true };
		});
		app.post('/__sandbox/documents', async (request) => {
			const { contractId, period, documentType, sizeBytes } = request.body as Record<
				string,
				string
			>;
			return this.addDocument(
				contractId,
				period,
				documentType,
				undefined,
				sizeBytes === undefined ? undefined : Number(sizeBytes),
			);
		});

		this.storage.addHook('onRequest', async (request) => {
			this.storageRequests.push({
				at: Date.now(),
				method: request.method,
				url: request.url,
				path: request.url.split('?')[0],
				headers: { ...request.headers },
			});
		});
		this.storage.get('/files/:id', async (request, reply) => {
			const { id } = request.params as { id: string };
			const document = this.documents.find((d) => d.id === id);
			if (!document) return reply.code(404).send({ error: 'not found' });
			return this.sendFile(reply, document);
		});
	}

	private async sendFile(reply: FastifyReply, document: SandboxDocument) {
		const ext = extensionOf(document.documentType);
		void reply
			.header('Content-Type', MIME_TYPES[ext])
			.header('Content-Disposition', `attachment; filename="${document.filename}"`);
		if (document.sizeBytes !== undefined) {
			return reply
				.header('Content-Length', String(document.sizeBytes))
				.send(generatedFile(document.sizeBytes));
		}
		return reply.send(Buffer.from(await this.fileBytes(document)));
	}
}

const customer = SEED_CONTRACTS[0].customer;

/** mulberry32: a small seeded generator, so that a run with random faults can be replayed. */
function seeded(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let x = Math.imul(state ^ (state >>> 15), 1 | state);
		x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
		return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
	};
}

export async function startSandbox(options: SandboxOptions = {}): Promise<OrangeSandbox> {
	return await new OrangeSandbox(options).start(options.port ?? 0, options.host ?? '127.0.0.1');
}
