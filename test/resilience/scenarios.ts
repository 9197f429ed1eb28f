/**
 * The resilience scenarios, as data: what the sandbox does wrong, which node runs on how many
 * items, and what must hold. A new operation joins by adding an entry.
 */
import type { FaultRule, OrangeSandbox } from '../../sandbox/server.ts';
import type { NodeRun } from '../helpers/engine.ts';
import { checkAddressRows } from '../helpers/fixtures.ts';

export interface Scenario {
	name: string;
	faults: FaultRule[];
	run: Omit<NodeRun, 'credentials'>;
	/** API calls one item needs when nothing goes wrong. */
	callsPerItem: number;
	/** Items that must fail, each with an error matching `error`. */
	expectFailed: number;
	error?: RegExp;
	maxTokens: number;
	/** Credential fields to change (a wrong secret…). */
	credential?: Record<string, string>;
	/** A check of its own, on the sandbox after the run. */
	verify?: (sandbox: OrangeSandbox) => void;
}

const checkAddresses = (count: number, options: Record<string, unknown> = {}) =>
	checkAddressRows(count, { offers: ['optimumAccess'], options, continueOnFail: true });

const getContracts = (
	n: number,
	options: Record<string, unknown> = {},
): Omit<NodeRun, 'credentials'> => ({
	type: 'orangeCloudStore',
	parameters: {
		resource: 'contract',
		operation: 'get',
		contractId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		options,
	},
	items: Array.from({ length: n }, (_, i) => ({
		id: ['OCB0001234', 'OCB0001235', 'OCB0002001', 'OCB0009293'][i % 4],
	})),
	continueOnFail: true,
});

const createContracts = (
	n: number,
	options: Record<string, unknown> = {},
): Omit<NodeRun, 'credentials'> => ({
	type: 'orangeCloudStore',
	parameters: {
		resource: 'contract',
		operation: 'create',
		billingAccountId: 'BA0042001',
		offerCode: 'HONEY',
		contractName: '={{ $json.name }}',
		supportLevel: 'BSC',
		referentCivility: 'M',
		referentLastName: 'Martin',
		referentFirstName: 'Paul',
		referentEmail: 'paul.martin@exemple.fr',
		options,
	},
	items: Array.from({ length: n }, (_, i) => ({ name: `Contract ${i + 1}` })),
	continueOnFail: true,
});

const addUsers = (n: number): Omit<NodeRun, 'credentials'> => ({
	type: 'orangeCloudStore',
	parameters: {
		resource: 'user',
		operation: 'add',
		contractId: { __rl: true, mode: 'id', value: 'OCB0001234' },
		civility: 'Mme',
		lastName: 'Durand',
		firstName: 'Alice',
		email: '={{ $json.login + "@exemple.fr" }}',
		login: '={{ $json.login }}',
		role: 'visitor',
	},
	items: Array.from({ length: n }, (_, i) => ({ login: `user.number${i + 1}` })),
	continueOnFail: true,
});

/** A creation that may have reached Orange: its message says so first, whatever the failure. */
const OUTCOME_UNKNOWN =
	/^Orange Cloud Store: the outcome of POST \/cloud\/b2b\/v1\/contract is unknown \(/;

export const SCENARIOS: Scenario[] = [
	{
		name: 'token expired every 50 calls, 1,000 checks, 8 in parallel',
		faults: [{ kind: 'expireToken', path: '/eligibilite-operateur', every: 50, times: 19 }],
		run: checkAddresses(1000, { concurrency: 8 }),
		callsPerItem: 1,
		expectFailed: 0,
		maxTokens: 20,
	},
	{
		name: '30 % of answers 429 with Retry-After: 1',
		faults: [
			{ kind: 'rateLimit', path: '/eligibilite-operateur', ratio: 0.3, times: 1000, retryAfter: 1 },
		],
		run: checkAddresses(100, { concurrency: 10 }),
		callsPerItem: 1,
		expectFailed: 0,
		maxTokens: 1,
		verify: (sandbox) => {
			// Every retry of a rate-limited check came at least the announced second later.
			const byItem = new Map<string, number[]>();
			for (const r of sandbox.requests.filter((q) => q.path.startsWith('/eligibilite'))) {
				const key = JSON.stringify((r.body as { place: unknown }).place);
				byItem.set(key, [...(byItem.get(key) ?? []), r.at]);
			}
			for (const [key, times] of byItem) {
				for (let i = 1; i < times.length; i++) {
					if (times[i] - times[i - 1] < 950)
						throw new Error(`${key} retried after ${times[i] - times[i - 1]} ms`);
				}
			}
		},
	},
	{
		name: '10 % of answers 503 (reads are retried)',
		faults: [
			{ kind: 'status', status: 503, path: '/eligibilite-operateur', ratio: 0.1, times: 1000 },
		],
		run: checkAddresses(300, { concurrency: 8 }),
		callsPerItem: 1,
		expectFailed: 0,
		maxTokens: 1,
	},
	{
		name: 'connection reset mid-answer on 5 % of reads',
		faults: [{ kind: 'reset', path: '/eligibilite-operateur', ratio: 0.05, times: 1000 }],
		run: checkAddresses(300, { concurrency: 8 }),
		callsPerItem: 1,
		expectFailed: 0,
		maxTokens: 1,
	},
	{
		name: 'answers slower than the 1 s timeout (5 of them)',
		faults: [{ kind: 'slow', delayMs: 2500, path: '/eligibilite-operateur', every: 7, times: 5 }],
		run: checkAddresses(50, { concurrency: 8, timeout: 1 }),
		callsPerItem: 1,
		expectFailed: 0,
		maxTokens: 1,
	},
	{
		name: 'truncated JSON on 20 % of reads',
		faults: [{ kind: 'truncate', path: '/cloud/b2b/v1/contract', ratio: 0.2, times: 1000 }],
		run: getContracts(100),
		callsPerItem: 1,
		expectFailed: 0,
		maxTokens: 1,
	},
	{
		name: "a proxy's 502 HTML page, lasting",
		faults: [{ kind: 'html', status: 502, path: '/eligibilite-operateur', times: 1000 }],
		run: checkAddresses(8, { concurrency: 8 }),
		callsPerItem: 1,
		expectFailed: 8,
		error:
			/^Orange Eligibility answered HTTP 502 with an HTML page instead of JSON: a proxy or the gateway failed, not the API$/,
		maxTokens: 1,
	},
	{
		name: 'download redirected to another host',
		faults: [{ kind: 'redirect', path: '/cloud/b2b/v1/documents/', times: 1000 }],
		run: {
			type: 'orangeCloudStore',
			parameters: {
				resource: 'document',
				operation: 'download',
				contractId: { __rl: true, mode: 'id', value: 'OCB0001234' },
				documentId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			items: [],
			continueOnFail: true,
		},
		callsPerItem: 1,
		expectFailed: 0,
		maxTokens: 1,
		verify: (sandbox) => {
			if (sandbox.storageRequests.length === 0) throw new Error('no redirect followed');
			for (const r of sandbox.storageRequests) {
				if (r.headers.authorization || r.headers['x-api-key'])
					throw new Error('credentials sent to the other host');
			}
		},
	},
	{
		name: 'wrong client secret: 401 on the token endpoint',
		faults: [],
		credential: { clientSecret: 'canary-wrong-secret-52ab' },
		run: checkAddresses(100, { concurrency: 8 }),
		callsPerItem: 0,
		expectFailed: 100,
		error:
			/^Orange refused the token request \(invalid_client: .*\) — check the Client ID and Client Secret of the credential/,
		maxTokens: 1,
	},
	{
		name: 'contract creations under 500, resets and timeouts',
		faults: [
			{
				kind: 'status',
				status: 500,
				path: '/cloud/b2b/v1/contract',
				method: 'POST',
				every: 5,
				times: 6,
			},
			{ kind: 'reset', path: '/cloud/b2b/v1/contract', method: 'POST', every: 7, times: 4 },
			{
				kind: 'slow',
				delayMs: 1500,
				path: '/cloud/b2b/v1/contract',
				method: 'POST',
				every: 11,
				times: 2,
			},
		],
		run: createContracts(30, { timeout: 1 }),
		callsPerItem: 1,
		expectFailed: 10,
		error: OUTCOME_UNKNOWN,
		maxTokens: 1,
	},
	{
		name: 'user additions under 429 and 503 with Retry-After',
		faults: [
			{
				kind: 'rateLimit',
				path: '/cloud/b2b/v1/contract/',
				method: 'POST',
				every: 3,
				times: 5,
				retryAfter: 0,
			},
			{
				kind: 'status',
				status: 503,
				retryAfter: 0,
				path: '/cloud/b2b/v1/contract/',
				method: 'POST',
				every: 4,
				times: 5,
			},
		],
		run: addUsers(30),
		callsPerItem: 1,
		expectFailed: 0,
		maxTokens: 1,
	},
];
