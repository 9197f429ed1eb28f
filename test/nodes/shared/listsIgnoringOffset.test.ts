/**
 * Cloud Store lists read from an API that ignores `offset` (it answers its first page again):
 * never a list cut short in silence — the whole list another way, or a warning, and the trigger
 * never loses a document to it.
 */
import { describe, expect, it } from 'vitest';

import { runNode } from '../../helpers/engine.ts';
import type { TestContext } from '../../helpers/sandbox.ts';
import { cloudCredentials, useSandbox } from '../../helpers/sandbox.ts';
import { persisted, poll, triggerWorkflow } from '../../helpers/trigger.ts';

const CONTRACT = 'OCB0001234';

/** Adds `count` documents to the contract, newer than any it has; answers how many it has then. */
function addDocuments(t: TestContext, count: number): number {
	for (let i = 0; i < count; i++) {
		t.sandbox.addDocument(CONTRACT, '202611', 'invoices', new Date(Date.now() + i).toISOString());
	}
	return t.sandbox.documents.filter((d) => d.contractId === CONTRACT).length;
}

const listAll = (t: TestContext) =>
	runNode(
		{
			type: 'orangeCloudStore',
			parameters: {
				resource: 'document',
				operation: 'getMany',
				contractId: { __rl: true, mode: 'id', value: CONTRACT },
				returnAll: true,
			},
			credentials: cloudCredentials,
		},
		t.credentials,
	);

const hintsOf = (result: Awaited<ReturnType<typeof listAll>>) =>
	(result.run.data.resultData.runData.Orange?.[0]?.hints ?? []).map((hint) => hint.message);

describe('an API that ignores offset but honours a large limit, with X-Total-Count', () => {
	const t = useSandbox({ ignoreOffset: true, maxPageSize: 1000, totalCountHeader: true });

	it('reads the whole list in one more request, and says nothing', async () => {
		const count = addDocuments(t, 50);
		const result = await listAll(t);
		expect(result.error).toBeUndefined();
		expect(new Set(result.items.map((item) => item.json.id)).size).toBe(count);
		expect(t.sandbox.apiRequests().map((r) => r.url)).toEqual([
			'/cloud/b2b/v1/documents?limit=100&offset=0',
			'/cloud/b2b/v1/documents?limit=100&offset=100',
			`/cloud/b2b/v1/documents?limit=${count}&offset=0`,
		]);
		expect(hintsOf(result)).toEqual([]);
	});
});

describe('an API that ignores offset, without a total', () => {
	const t = useSandbox({ ignoreOffset: true, maxPageSize: 1000 });

	it('returns what one whole-list request gives, with a warning above the output', async () => {
		const count = addDocuments(t, 50);
		const result = await listAll(t);
		expect(result.error).toBeUndefined();
		expect(new Set(result.items.map((item) => item.json.id)).size).toBe(count);
		expect(hintsOf(result)).toEqual([
			`Orange Cloud Store ignored the "offset" of its list (GET /cloud/b2b/v1/documents): ${count} items were read in one request, and more may exist. Narrow the list (period, document type) or ask Orange support about paging.`,
		]);
	});
});

describe('an API that ignores offset and caps its pages at 40', () => {
	const t = useSandbox({ ignoreOffset: true, maxPageSize: 40 });

	it('returns the 40 it can read, no duplicate, with a warning above the output', async () => {
		const result = await listAll(t);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(40);
		expect(new Set(result.items.map((item) => item.json.id)).size).toBe(40);
		expect(hintsOf(result)[0]).toMatch(/40 items were read in one request, and more may exist/);
	});

	it('the trigger emits new documents it can reach, and fails a poll it cannot read to its cursor, keeping the cursor', async () => {
		const workflow = triggerWorkflow({
			event: 'newDocument',
			contractScope: 'selected',
			contractIds: [CONTRACT],
			documentType: 'all',
		});
		expect(await poll(t, workflow)).toEqual([]);
		const before = persisted(workflow);

		// Three new documents: the first page reaches the cursor, all is well.
		addDocuments(t, 3);
		const three = await poll(t, workflow);
		expect(three.map((item) => item.json.id)).toHaveLength(3);
		const afterThree = persisted(workflow);
		expect(afterThree).not.toEqual(before);

		// 45 more: the 40 the API can show are all new, the cursor is out of reach.
		addDocuments(t, 45);
		await expect(poll(t, workflow)).rejects.toThrow(/ignored the "offset" of its list/);
		expect(persisted(workflow)).toEqual(afterThree);
	});
});
