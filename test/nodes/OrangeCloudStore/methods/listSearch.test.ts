import { LoadOptionsContext } from 'n8n-core';
import type { INode, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { buildWorkflow } from '../../../helpers/engine.ts';
import { nodeTypes } from '../../../helpers/package.ts';
import { CLOUD, useSandbox } from '../../../helpers/sandbox.ts';

const t = useSandbox();
const euros = (amount: number) =>
	new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(amount);
const node = nodeTypes['n8n-nodes-orange.orangeCloudStore'];

function context(parameters: INode['parameters']) {
	const workflow = buildWorkflow({
		nodes: [
			{
				id: 'o',
				name: 'Orange',
				type: 'n8n-nodes-orange.orangeCloudStore',
				typeVersion: 1,
				position: [0, 0],
				parameters,
				credentials: { orangeCloudStoreApi: { id: CLOUD, name: CLOUD } },
			},
		],
		connections: {},
	});
	const additionalData = {
		credentialsHelper: t.credentials,
		currentNodeParameters: parameters,
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(
		workflow,
		workflow.getNode('Orange')!,
		additionalData,
		'parameters.contractId',
	);
}

describe('list searches', () => {
	it('lists contracts by name, offer and reference, filtered by what the user types', async () => {
		const all = await node.methods!.listSearch!.searchContracts.call(
			context({ resource: 'contract', operation: 'get' }),
		);
		expect(all.results.map((r) => r.value)).toEqual(t.sandbox.contracts.map((c) => c.id));
		expect(all.results[0].name).toBe('Flexible Engine Production — Flexible Engine (OCB0001234)');
		const filtered = await node.methods!.listSearch!.searchContracts.call(context({}), 'avenue');
		expect(filtered.results.map((r) => r.value)).toEqual(['OCB0001235']);
	});

	it("lists the chosen contract's documents", async () => {
		const parameters = {
			resource: 'document',
			operation: 'download',
			contractId: { __rl: true, mode: 'list', value: 'OCB0002001' },
		};
		const found = await node.methods!.listSearch!.searchDocuments.call(
			context(parameters),
			'202503',
		);
		const expected = t.sandbox.documents.filter(
			(d) => d.contractId === 'OCB0002001' && d.period.startsWith('202503'),
		);
		expect(found.results.map((r) => r.value).sort()).toEqual(expected.map((d) => d.id).sort());
		const invoice = expected.find((d) => d.documentType === 'invoices')!;
		expect(found.results.map((r) => r.name)).toContain(
			`Invoice · March 2025 · PDF · ${euros(invoice.amount)}`,
		);
		expect(found.results.length).toBeGreaterThan(0);
		expect(
			t.sandbox.apiRequests().every((r) => r.headers['x-eccs-contract-id'] === 'OCB0002001'),
		).toBe(true);
	});

	it('names documents as people do, newest first, and lists only the type chosen above', async () => {
		const parameters = {
			resource: 'document',
			operation: 'download',
			contractId: { __rl: true, mode: 'list', value: 'OCB0001234' },
			documentType: 'invoices',
		};
		const found = await node.methods!.listSearch!.searchDocuments.call(context(parameters));
		const invoices = t.sandbox.documents.filter(
			(d) => d.contractId === 'OCB0001234' && d.documentType === 'invoices',
		);
		expect(found.results).toHaveLength(invoices.length);
		const newest = invoices.reduce((a, b) => (a.period > b.period ? a : b));
		expect(found.results[0]).toEqual({
			name: `Invoice · October 2026 · PDF · ${euros(newest.amount)}`,
			value: newest.id,
		});
		expect(found.results.every((r) => /^Invoice · \w+ \d{4} · PDF · €/.test(r.name))).toBe(true);
		expect(t.sandbox.apiRequests().every((r) => r.url.includes('documentType=invoices'))).toBe(
			true,
		);
		const typed = await node.methods!.listSearch!.searchDocuments.call(
			context({ ...parameters, documentType: 'all' }),
			'consumption report · march 2025',
		);
		expect(typed.results.map((r) => r.name)).toEqual(['Consumption Report · March 2025 · CSV']);
	});

	it('asks for a contract first, before any call, when none is chosen', async () => {
		const parameters = {
			resource: 'document',
			operation: 'download',
			contractId: { __rl: true, mode: 'list', value: '' },
		};
		await expect(
			node.methods!.listSearch!.searchDocuments.call(context(parameters)),
		).rejects.toThrow(/^Choose a contract first$/);
		expect(t.sandbox.requests).toHaveLength(0);
	});
});
