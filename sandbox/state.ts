/**
 * The sandbox's state — its data, the requests it recorded, the tokens it issued, the faults asked
 * of it — and the handles tests use on it. The API modules read and change it; `server.ts` builds
 * a sandbox from it and its routes. A module of its own, so that the routes need not import the
 * server that imports them.
 */
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';

import type { Client, Contract, SandboxDocument } from './data.ts';
import {
	extensionOf,
	makeDocument,
	SANDBOX_CLIENT,
	SEED_CONTRACTS,
	scaledDataset,
	seedDocuments,
} from './data.ts';
import type { ActiveFault, FaultRule } from './faultRules.ts';
import { seeded } from './faultRules.ts';
import { billingReportXlsx, consumptionCsv, invoicePdf } from './files.ts';

/** Where the Cloud Store API answers, under the gateway. */
export const CLOUD_STORE_PATH = '/cloud/b2b/v1';

export interface RecordedRequest {
	method: string;
	url: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body?: unknown;
	fault?: FaultRule['kind'];
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

/** The options every API module reads, with their defaults. */
export type SandboxSettings = Required<
	Omit<SandboxOptions, 'port' | 'host' | 'latencyMs' | 'log' | 'scale'>
>;

export interface TokenInfo {
	clientId: string;
	expiresAt: number;
}

export class SandboxState {
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
	faults: ActiveFault[] = [];
	latencyMs: number;
	/** The tokens issued, for the gateway's checks (API modules only). */
	readonly tokens = new Map<string, TokenInfo>();
	/** Every access token issued since the last reset (to look for them where they must not be). */
	issuedTokens: string[] = [];
	/** Draws for `ratio` faults (API modules only). */
	random: () => number;
	/** The number behind the next created contract's reference (API modules only). */
	contractCounter = 9300;
	readonly options: SandboxSettings;
	private files = new Map<string, Uint8Array>();
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
		return this.requests.filter((r) => r.path.startsWith(CLOUD_STORE_PATH));
	}
}
