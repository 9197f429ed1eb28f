/**
 * Generated bad input: thousands of malformed and edge values thrown at every checked field. Each
 * value is either refused with an error naming the item and the field — and nothing is sent — or
 * accepted and sent well-formed, on the intended endpoint.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

import type { RecordedRequest } from '../../sandbox/server.ts';
import { runNode } from '../helpers/engine.ts';
import { CLOUD, ELIGIBILITY, resetContext, useSandbox } from '../helpers/sandbox.ts';

const t = useSandbox();

const nasty = fc.constantFrom(
	'',
	' ',
	'..',
	'../../contracts',
	'a/b',
	'x?y=1',
	'x#y',
	'%2F',
	'%2e%2e',
	'OCB0001234/../x',
	'é',
	'😀',
	'\u0000',
	'\n',
	'null',
	'undefined',
	'0',
	'-1',
	'1e3',
	' 0142000001 ',
	'+33142000001',
	'2A004',
	'2b004',
	'IMB/75115/X/00A1',
	'john.doe',
	'a'.repeat(65),
	'OCB0001234',
	'202401',
	'2024-13',
	'x@y.fr',
	'bis',
);
const values = fc.array(
	fc.oneof(
		fc.string(),
		fc.string({ unit: 'grapheme', maxLength: 20 }),
		fc.stringMatching(/^[0-9A-Za-z .+\-/]{0,14}$/),
		fc.integer({ min: -1000, max: 99_999_999_999 }),
		nasty,
		fc.constant(null),
		fc.boolean(),
	),
	{ minLength: 50, maxLength: 150 },
);

interface Field {
	label: string;
	type: 'orangeEligibility' | 'orangeCloudStore';
	parameters: (value: string) => Record<string, unknown>;
	/** What an accepted value must look like on the wire. */
	wellFormed: (request: RecordedRequest) => boolean;
	/** Calls an accepted value makes (a list read to its end takes two). */
	callsPerAccepted?: number;
}

const eligibility = (parameters: Record<string, unknown>) => ({
	resource: 'eligibility',
	offers: ['optimumAccess'],
	...parameters,
});
/** An accepted value's check, on the place it sent (wire v2: the body's `place`). */
const onEligibility = (check: (place: Record<string, string>) => boolean) => (r: RecordedRequest) =>
	r.path === '/eligibilite-operateur/v1/productOfferingQualification' &&
	check((r.body as { place: Record<string, string> }).place);
const address = { inseeCode: '44109', rivoliCode: '0042', streetNumber: '12' };
const contract = { __rl: true, mode: 'id', value: 'OCB0001234' };

const FIELDS: Field[] = [
	{
		label: 'Line Number',
		type: 'orangeEligibility',
		parameters: (v) => eligibility({ operation: 'checkByNd', nd: v }),
		wellFormed: onEligibility((p) => /^0[1-9]\d{8}$/.test(p.nd) && p.ndStatus === 'active'),
	},
	{
		label: 'INSEE Code',
		type: 'orangeEligibility',
		parameters: (v) => eligibility({ operation: 'checkByAddress', ...address, inseeCode: v }),
		wellFormed: onEligibility((p) => /^(\d{5}|2[AB]\d{3})$/.test(p.inseeCode)),
	},
	{
		label: 'Rivoli Code',
		type: 'orangeEligibility',
		parameters: (v) => eligibility({ operation: 'checkByAddress', ...address, rivoliCode: v }),
		wellFormed: onEligibility((p) => /^[0-9A-Z]{4}$/.test(p.rivoliCode)),
	},
	{
		label: 'Street Number',
		type: 'orangeEligibility',
		parameters: (v) => eligibility({ operation: 'checkByAddress', ...address, streetNumber: v }),
		wellFormed: onEligibility(
			(p) => /^[1-9]\d{0,4}$/.test(p.streetNr) && /^[A-Z]?$/.test(p.streetNrSuffix ?? ''),
		),
	},
	{
		label: 'Street Number Complement',
		type: 'orangeEligibility',
		parameters: (v) =>
			eligibility({ operation: 'checkByAddress', ...address, streetNumberComplement: v }),
		wellFormed: onEligibility((p) => /^[A-Z]?$/.test(p.streetNrSuffix ?? '')),
	},
	{
		label: 'Building Code',
		type: 'orangeEligibility',
		parameters: (v) =>
			eligibility({ operation: 'checkByAddress', locateBy: 'buildingCode', buildingCode: v }),
		wellFormed: onEligibility(
			(p) =>
				/^[A-Z0-9][A-Z0-9/_.-]{2,39}$/.test(p.buildingCodeOI) && !p.buildingCodeOI.includes('..'),
		),
	},
	{
		label: 'Address',
		type: 'orangeEligibility',
		parameters: (v) => eligibility({ operation: 'checkByTextAddress', address: v }),
		wellFormed: onEligibility(
			(p) => /\p{L}{2}/u.test(p.label) && p.label.length <= 200 && !/[\u0000-\u001f]/.test(p.label),
		),
	},
	{
		label: 'Latitude',
		type: 'orangeEligibility',
		parameters: (v) =>
			eligibility({ operation: 'checkByCoordinates', latitude: v, longitude: 2.35 }),
		wellFormed: onEligibility((p) => {
			const latitude = p.latitude as unknown as number;
			return typeof latitude === 'number' && latitude >= -21.45 && latitude <= 51.2;
		}),
	},
	{
		label: 'Contract',
		type: 'orangeCloudStore',
		parameters: (v) => ({
			resource: 'contract',
			operation: 'get',
			contractId: { ...contract, value: v },
		}),
		wellFormed: (r) =>
			r.path === '/cloud/b2b/v1/contract' &&
			/^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$/.test(String(r.headers['x-eccs-contract-id'])),
	},
	{
		label: 'Document',
		type: 'orangeCloudStore',
		parameters: (v) => ({
			resource: 'document',
			operation: 'download',
			contractId: contract,
			documentId: { __rl: true, mode: 'id', value: v },
		}),
		wellFormed: (r) =>
			/^\/cloud\/b2b\/v1\/documents\/[A-Za-z0-9._:%-]+\/file$/.test(r.path) &&
			!r.path.includes('/../'),
	},
	{
		label: 'Put Output File in Field',
		type: 'orangeCloudStore',
		parameters: (v) => ({
			resource: 'document',
			operation: 'download',
			contractId: contract,
			documentId: { __rl: true, mode: 'id', value: 'doc-1' },
			binaryPropertyName: v,
		}),
		wellFormed: (r) => r.path === '/cloud/b2b/v1/documents/doc-1/file',
	},
	{
		label: 'Email',
		type: 'orangeCloudStore',
		parameters: (v) => ({
			resource: 'user',
			operation: 'add',
			contractId: contract,
			civility: 'M',
			lastName: 'Doe',
			firstName: 'John',
			login: 'john.doe',
			role: 'visitor',
			email: v,
		}),
		wellFormed: (r) =>
			r.path === '/cloud/b2b/v1/contract/OCB0001234/user' &&
			/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String((r.body as { email: string }).email)),
	},
	{
		label: 'Login',
		type: 'orangeCloudStore',
		parameters: (v) => ({
			resource: 'user',
			operation: 'add',
			contractId: contract,
			civility: 'M',
			lastName: 'Doe',
			firstName: 'John',
			email: 'john@doe.fr',
			role: 'visitor',
			login: v,
		}),
		wellFormed: (r) =>
			r.path === '/cloud/b2b/v1/contract/OCB0001234/user' &&
			/^[A-Za-z0-9._-]{8,64}$/.test(String((r.body as { login: string }).login)),
	},
	{
		label: 'Period From',
		type: 'orangeCloudStore',
		parameters: (v) => ({
			resource: 'document',
			operation: 'getMany',
			contractId: contract,
			returnAll: true,
			filters: { periodFrom: v },
		}),
		wellFormed: (r) => r.path === '/cloud/b2b/v1/documents',
		callsPerAccepted: 2,
	},
];

const totals = { values: 0, refused: 0, sent: 0 };
afterAll(() => {
	console.log(
		`Generated input: ${totals.values} values over ${FIELDS.length} fields — ${totals.refused} refused before any call, ${totals.sent} sent well-formed; 0 requests off their endpoint.`,
	);
});

describe.each(FIELDS.map((f) => [f.label, f] as const))(
	'generated values for %s',
	(_label, field) => {
		it('are refused naming item and field with nothing sent, or sent well-formed', async () => {
			let checked = 0;
			await fc.assert(
				fc.asyncProperty(values, async (raw) => {
					resetContext(t);
					const items = raw.map((value) => ({ value }));
					const { items: output, error } = await runNode(
						{
							type: field.type,
							parameters: field.parameters('={{ $json.value }}'),
							items,
							credentials:
								field.type === 'orangeEligibility'
									? { orangeEligibilityApi: ELIGIBILITY }
									: { orangeCloudStoreApi: CLOUD },
							continueOnFail: true,
						},
						t.credentials,
					);
					expect(error).toBeUndefined();
					const refused = new Set<number>();
					for (const item of output) {
						const index = (item.pairedItem as { item: number }).item;
						const message = item.json.error as string | undefined;
						if (message?.startsWith('Invalid ')) {
							expect(message.startsWith(`Invalid ${field.label} in item ${index}: `), message).toBe(
								true,
							);
							refused.add(index);
						} else if (message !== undefined) {
							expect(message, message).toMatch(/^Orange (Cloud Store|Eligibility)/);
						}
					}
					const sent = items.length - refused.size;
					const calls = t.sandbox.requests.filter((r) => r.path !== '/oauth/v3/token');
					expect(calls).toHaveLength(sent * (field.callsPerAccepted ?? 1));
					for (const call of calls)
						expect(
							field.wellFormed(call),
							`${call.method} ${call.url} ${JSON.stringify(call.body)}`,
						).toBe(true);
					checked += items.length;
					totals.values += items.length;
					totals.refused += refused.size;
					totals.sent += sent;
				}),
				{ numRuns: 8, seed: 20261123 },
			);
			expect(checked).toBeGreaterThanOrEqual(400);
		});
	},
);

describe('generated SIREN values in the credential', () => {
	it('are refused naming the credential field with nothing sent, or accepted when their check digit is right', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(fc.stringMatching(/^\d{9}$/), fc.string(), nasty),
				async (siren) => {
					resetContext(t);
					t.credentials.store.set(ELIGIBILITY, { ...t.credentials.store.get(ELIGIBILITY), siren });
					const { error } = await runNode(
						{
							type: 'orangeEligibility',
							parameters: eligibility({ operation: 'checkByNd', nd: '0142000001' }),
							credentials: { orangeEligibilityApi: ELIGIBILITY },
						},
						t.credentials,
					);
					if (error?.message.startsWith('Invalid SIREN in the Orange Eligibility API credential')) {
						expect(t.sandbox.requests).toHaveLength(0);
					} else {
						const sent = t.sandbox.requests.find((r) => r.path.startsWith('/eligibilite'))!;
						expect(
							(sent.body as { relatedParty: { siren: string }[] }).relatedParty[0].siren,
						).toMatch(/^\d{9}$/);
					}
				},
			),
			{ numRuns: 150, seed: 7 },
		);
	});
});
