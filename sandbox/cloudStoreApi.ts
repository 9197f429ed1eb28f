/**
 * The Cloud Store Customer Space API: `X-API-Key` (one key sees every contract, one sees one),
 * `X-ECCS-Contract-Id`, `limit`/`offset` lists, contracts, documents and their files (and a
 * second origin, the storage a file may be redirected to), contract creation, user addition.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Contract, SandboxDocument } from './data.ts';
import {
	DOCUMENT_TYPES,
	extensionOf,
	MIME_TYPES,
	SANDBOX_API_KEY,
	SANDBOX_LIMITED_API_KEY,
	SEED_CONTRACTS,
} from './data.ts';
import { generatedFile } from './files.ts';
import { orangeError } from './orangeErrors.ts';
import type { SandboxState } from './state.ts';
import { CLOUD_STORE_PATH } from './state.ts';

const API = CLOUD_STORE_PATH;
const customer = SEED_CONTRACTS[0].customer;

function visibleContracts(sandbox: SandboxState, request: FastifyRequest): Contract[] | undefined {
	const key = request.headers['x-api-key'];
	if (key === SANDBOX_API_KEY || sandbox.options.extraApiKeys.includes(String(key)))
		return sandbox.contracts;
	if (key === SANDBOX_LIMITED_API_KEY) return sandbox.contracts.slice(0, 1);
	return undefined;
}

/** The gateway's API key check: 401 without a key, 403 with one it does not know. */
async function checkApiKey(sandbox: SandboxState, request: FastifyRequest, reply: FastifyReply) {
	if (!request.url.startsWith(API) || visibleContracts(sandbox, request)) return undefined;
	return request.headers['x-api-key']
		? reply
				.code(403)
				.send(orangeError(50, 'Access denied', 'The X-API-Key is not valid for this API.'))
		: reply
				.code(401)
				.send(orangeError(40, 'Missing credentials', 'The X-API-Key header is required.'));
}

function notFound(reply: FastifyReply, description: string) {
	return reply.code(404).send(orangeError(60, 'Resource not found', description));
}

function badField(reply: FastifyReply, code: 23 | 24, description: string) {
	const message = code === 23 ? 'Missing body field' : 'Invalid body field';
	return reply.code(400).send(orangeError(code, message, description));
}

/** The fields of a body that are missing or not text. */
function missingFields(body: Record<string, unknown>, fields: string[]): string[] {
	return fields.filter((field) => typeof body[field] !== 'string' || body[field] === '');
}

function contractFromHeader(
	sandbox: SandboxState,
	request: FastifyRequest,
	reply: FastifyReply,
): Contract | undefined {
	const visible = visibleContracts(sandbox, request) ?? [];
	const id = request.headers['x-eccs-contract-id'];
	if (typeof id !== 'string' || id === '') {
		void reply
			.code(400)
			.send(orangeError(25, 'Missing header', 'The X-ECCS-Contract-Id header is required.'));
		return undefined;
	}
	const contract = visible.find((c) => c.id === id);
	if (!contract) void notFound(reply, `Contract ${id} not found in your perimeter.`);
	return contract;
}

function page<T>(sandbox: SandboxState, request: FastifyRequest, reply: FastifyReply, list: T[]) {
	if (sandbox.options.totalCountHeader) void reply.header('X-Total-Count', String(list.length));
	const query = request.query as Record<string, string | undefined>;
	const limit = Math.min(Number(query.limit ?? 10) || 10, sandbox.options.maxPageSize);
	const offset = sandbox.options.ignoreOffset ? 0 : Math.max(Number(query.offset ?? 0) || 0, 0);
	return list.slice(offset, offset + limit);
}

async function sendFile(sandbox: SandboxState, reply: FastifyReply, document: SandboxDocument) {
	const ext = extensionOf(document.documentType);
	void reply
		.header('Content-Type', MIME_TYPES[ext])
		.header('Content-Disposition', `attachment; filename="${document.filename}"`);
	if (document.sizeBytes !== undefined) {
		return reply
			.header('Content-Length', String(document.sizeBytes))
			.send(generatedFile(document.sizeBytes));
	}
	return reply.send(Buffer.from(await sandbox.fileBytes(document)));
}

const CONTRACT_FIELDS = [
	'billingAccountId',
	'offerCode',
	'contractName',
	'supportLevel',
	'referentCivility',
	'referentName',
	'referentFirstName',
	'referentMail',
];

async function createContract(sandbox: SandboxState, request: FastifyRequest, reply: FastifyReply) {
	const body = (request.body ?? {}) as Record<string, string>;
	const missing = missingFields(body, CONTRACT_FIELDS);
	if (missing.length) return badField(reply, 23, `Missing field(s): ${missing.join(', ')}`);
	if (!['M', 'Mme'].includes(body.referentCivility)) {
		return badField(reply, 24, 'referentCivility must be M or Mme');
	}
	const id = `OCB000${++sandbox.contractCounter}`;
	const now = new Date().toISOString();
	sandbox.contracts.push({
		id,
		name: body.contractName,
		contractType: 'SUBSCRIPTION',
		offer: { id: body.offerCode, name: body.offerCode },
		platformId: '',
		customer,
		contact: {
			lastName: body.referentName,
			firstName: body.referentFirstName,
			name: `${body.referentFirstName} ${body.referentName}`,
			email: body.referentMail,
			title: body.referentCivility,
		},
		createdAt: now,
		updatedAt: now,
		billingAccountId: body.billingAccountId,
	});
	sandbox.createdContracts.push({ id, ...body });
	return reply.code(201).send({ id });
}

async function addUser(sandbox: SandboxState, request: FastifyRequest, reply: FastifyReply) {
	const { contractId } = request.params as { contractId: string };
	const contract = (visibleContracts(sandbox, request) ?? []).find((c) => c.id === contractId);
	if (!contract) return notFound(reply, `Contract ${contractId} not found in your perimeter.`);
	const body = (request.body ?? {}) as Record<string, unknown>;
	const missing = missingFields(body, ['civility', 'lastName', 'firstName', 'email', 'login']);
	if (missing.length) return badField(reply, 23, `Missing field(s): ${missing.join(', ')}`);
	const roles = (body.roles as { contracts?: unknown } | undefined)?.contracts;
	if (
		!Array.isArray(roles) ||
		roles.length === 0 ||
		roles.some((r) => r !== 'visitor' && r !== 'manager')
	) {
		return badField(reply, 24, 'roles.contracts must list visitor or manager');
	}
	if (!/^[A-Za-z0-9._-]{8,64}$/.test(body.login as string)) {
		return badField(reply, 24, 'login must be 8 to 64 characters');
	}
	sandbox.addedUsers.push({ contractId, ...body });
	return reply.code(201).send(body);
}

/** A contract's documents, newest first; 'all' or an unknown type answers `documents: null`, as Orange does. */
async function listDocuments(sandbox: SandboxState, request: FastifyRequest, reply: FastifyReply) {
	const contract = contractFromHeader(sandbox, request, reply);
	if (!contract) return reply;
	const { documentType } = request.query as Record<string, string | undefined>;
	if (documentType !== undefined && documentType !== '' && !DOCUMENT_TYPES.includes(documentType)) {
		return { documents: null };
	}
	const list = sandbox.documents
		.filter(
			(d) => d.contractId === contract.id && (!documentType || d.documentType === documentType),
		)
		.sort((a, b) =>
			a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1,
		)
		.map(({ contractId: _c, sizeBytes: _s, ...shown }) => shown);
	return page(sandbox, request, reply, list);
}

async function documentFile(sandbox: SandboxState, request: FastifyRequest, reply: FastifyReply) {
	const contract = contractFromHeader(sandbox, request, reply);
	if (!contract) return reply;
	const { id } = request.params as { id: string };
	const document = sandbox.documents.find((d) => d.id === id && d.contractId === contract.id);
	if (!document) return notFound(reply, `Document ${id} not found for contract ${contract.id}.`);
	return sendFile(sandbox, reply, document);
}

/** The second origin: files served without any Orange header, as a storage link would. */
function storageRoutes(sandbox: SandboxState): void {
	sandbox.storage.addHook('onRequest', async (request) => {
		sandbox.storageRequests.push({
			at: Date.now(),
			method: request.method,
			url: request.url,
			path: request.url.split('?')[0],
			headers: { ...request.headers },
		});
	});
	sandbox.storage.get('/files/:id', async (request, reply) => {
		const { id } = request.params as { id: string };
		const document = sandbox.documents.find((d) => d.id === id);
		if (!document) return reply.code(404).send({ error: 'not found' });
		return sendFile(sandbox, reply, document);
	});
}

export function cloudStoreRoutes(sandbox: SandboxState): void {
	const app = sandbox.app;
	app.addHook('preHandler', async (request, reply) => await checkApiKey(sandbox, request, reply));
	app.get(`${API}/contracts`, async (request, reply) =>
		page(sandbox, request, reply, visibleContracts(sandbox, request) ?? []).map((c) => ({
			id: c.id,
			name: c.name,
			createdAt: c.createdAt,
			offer: c.offer,
		})),
	);
	app.get(`${API}/contract`, async (request, reply) => {
		const contract = contractFromHeader(sandbox, request, reply);
		if (!contract) return reply;
		const { billingAccountId: _billing, ...shown } = contract;
		return shown;
	});
	app.post(`${API}/contract`, async (request, reply) => createContract(sandbox, request, reply));
	app.get(`${API}/documents`, async (request, reply) => listDocuments(sandbox, request, reply));
	app.get(`${API}/documents/:id/file`, async (request, reply) =>
		documentFile(sandbox, request, reply),
	);
	app.post(`${API}/contract/:contractId/user`, async (request, reply) =>
		addUser(sandbox, request, reply),
	);
	storageRoutes(sandbox);
}
