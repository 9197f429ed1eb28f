import { describe, expect, it } from 'vitest';

import { binaryBytes, sha256 } from '../../helpers/assertions.ts';
import { useSandbox } from '../../helpers/sandbox.ts';
import { persisted, poll, triggerWorkflow } from '../../helpers/trigger.ts';

// Pages of 3 documents: a poll reading several new documents needs several pages.
const t = useSandbox({ maxPageSize: 3 });

const all = { event: 'newDocument', contractScope: 'all', documentType: 'all' };
const ids = (items: { json: Record<string, unknown> }[]) =>
	items.map((i) => String(i.json.id)).sort();
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('Orange Cloud Store Trigger', () => {
	it('records what exists on first activation and emits nothing', async () => {
		const workflow = triggerWorkflow(all);
		expect(await poll(t, workflow)).toEqual([]);
		const state = persisted(workflow)['node:Trigger'] as {
			contracts: Record<string, { cursor: string; recent: object }>;
		};
		expect(Object.keys(state.contracts).sort()).toEqual(
			t.sandbox.contracts.map((c) => c.id).sort(),
		);
		expect(await poll(t, workflow)).toEqual([]);
	});

	it('emits each new document once, even several with one timestamp across pages', async () => {
		const workflow = triggerWorkflow(all);
		await poll(t, workflow);
		const at = minutesAgo(1);
		const added = [
			t.sandbox.addDocument('OCB0001234', '202611', 'invoices', at),
			t.sandbox.addDocument('OCB0001234', '202611', 'bills', at),
			t.sandbox.addDocument('OCB0001234', '202611', 'reports', at),
			t.sandbox.addDocument('OCB0001234', '202611', 'comsumptionRatedReports', at),
			t.sandbox.addDocument('OCB0001235', '202611', 'invoices', at),
		];
		const emitted = await poll(t, workflow);
		expect(ids(emitted)).toEqual(added.map((d) => d.id).sort());
		expect(emitted.find((i) => i.json.id === added[4].id)!.json.contractId).toBe('OCB0001235');
		expect(await poll(t, workflow)).toEqual([]);
	});

	it('emits nothing twice across a restart, and what came during it once', async () => {
		const first = triggerWorkflow(all);
		await poll(t, first);
		const before = t.sandbox.addDocument('OCB0002001', '202611', 'invoices', minutesAgo(3));
		expect(ids(await poll(t, first))).toEqual([before.id]);
		const during = t.sandbox.addDocument('OCB0002001', '202611', 'bills', minutesAgo(2));
		const restarted = triggerWorkflow(all, persisted(first));
		expect(ids(await poll(t, restarted))).toEqual([during.id]);
		expect(await poll(t, triggerWorkflow(all, persisted(restarted)))).toEqual([]);
	});

	it('loses nothing when a poll fails midway: the next one emits it all, once', async () => {
		const workflow = triggerWorkflow(all);
		await poll(t, workflow);
		const saved = persisted(workflow);
		const a = t.sandbox.addDocument('OCB0001234', '202611', 'invoices', minutesAgo(2));
		const b = t.sandbox.addDocument('OCB0002001', '202611', 'invoices', minutesAgo(1));
		// The third contract's list fails after the first two were read.
		t.sandbox.addFault({
			kind: 'status',
			status: 400,
			path: '/cloud/b2b/v1/documents',
			every: 3,
			times: 1,
		});
		await expect(poll(t, workflow)).rejects.toThrow();
		expect(persisted(workflow)).toEqual(saved);
		expect(ids(await poll(t, workflow))).toEqual([a.id, b.id].sort());
		expect(await poll(t, workflow)).toEqual([]);
	});

	it('rides out 429s and an expired token within a poll', async () => {
		const workflow = triggerWorkflow(all);
		await poll(t, workflow);
		const doc = t.sandbox.addDocument('OCB0009293', '202611', 'invoices', minutesAgo(1));
		t.sandbox.addFault({
			kind: 'rateLimit',
			path: '/cloud/b2b/v1/documents',
			retryAfter: 0,
			times: 3,
		});
		t.sandbox.addFault({ kind: 'expireToken', path: '/cloud/b2b/v1/contracts' });
		expect(ids(await poll(t, workflow))).toEqual([doc.id]);
		expect(t.sandbox.tokenRequests).toBe(2);
	});

	it('catches a document published late with an older timestamp', async () => {
		const workflow = triggerWorkflow(all);
		await poll(t, workflow);
		const recent = t.sandbox.addDocument('OCB0001234', '202611', 'invoices', minutesAgo(1));
		expect(ids(await poll(t, workflow))).toEqual([recent.id]);
		const late = t.sandbox.addDocument('OCB0001234', '202611', 'bills', minutesAgo(60 * 24));
		expect(ids(await poll(t, workflow))).toEqual([late.id]);
	});

	it('watches only the selected contracts and the chosen type', async () => {
		const workflow = triggerWorkflow({
			...all,
			contractScope: 'selected',
			contractIds: ['OCB0001235'],
			documentType: 'invoices',
		});
		await poll(t, workflow);
		t.sandbox.addDocument('OCB0001234', '202611', 'invoices', minutesAgo(1));
		t.sandbox.addDocument('OCB0001235', '202611', 'bills', minutesAgo(1));
		const wanted = t.sandbox.addDocument('OCB0001235', '202611', 'invoices', minutesAgo(1));
		expect(ids(await poll(t, workflow))).toEqual([wanted.id]);
		expect(
			t.sandbox
				.apiRequests()
				.every(
					(r) => !r.path.endsWith('/documents') || r.headers['x-eccs-contract-id'] === 'OCB0001235',
				),
		).toBe(true);
	});

	it('attaches the file, byte for byte, when asked', async () => {
		const workflow = triggerWorkflow({
			...all,
			documentType: 'invoices',
			options: { attachFile: true, binaryPropertyName: 'invoice' },
		});
		await poll(t, workflow);
		const doc = t.sandbox.addDocument('OCB0001234', '202611', 'invoices', minutesAgo(1));
		const [item] = await poll(t, workflow);
		expect(sha256(binaryBytes(item, 'invoice'))).toBe(sha256(await t.sandbox.fileBytes(doc)));
		expect(item.binary!.invoice.fileName).toBe(doc.filename);
		// Only the emitted document was downloaded.
		expect(t.sandbox.apiRequests().filter((r) => r.path.endsWith('/file'))).toHaveLength(1);
	});

	it('returns the latest document on "Fetch test event", without touching the state', async () => {
		const workflow = triggerWorkflow({ ...all, documentType: 'invoices' });
		const latest = t.sandbox.addDocument('OCB0002001', '202611', 'invoices', minutesAgo(5));
		t.sandbox.addDocument('OCB0002001', '202611', 'bills', minutesAgo(1));
		const items = await poll(t, workflow, 'manual');
		expect(items).toHaveLength(1);
		expect(items[0].json.id).toBe(latest.id);
		expect(persisted(workflow)).toEqual({});
	});

	it('keeps its state small: only the last week of ids', async () => {
		const workflow = triggerWorkflow(all);
		await poll(t, workflow);
		for (let i = 0; i < 30; i++) {
			t.sandbox.addDocument(
				'OCB0001234',
				'202611',
				'reports',
				minutesAgo(60 * 24 * 30 - i * 60 * 24),
			);
			await poll(t, workflow);
		}
		const state = persisted(workflow)['node:Trigger'] as {
			contracts: Record<string, { recent: object }>;
		};
		// 30 documents a day apart: the ones of the last 7 days stay, the rest are forgotten.
		expect(Object.keys(state.contracts.OCB0001234.recent).length).toBeLessThanOrEqual(8);
		expect(JSON.stringify(state).length).toBeLessThan(4000);
	});
});
