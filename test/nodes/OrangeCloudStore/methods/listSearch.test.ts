import { LoadOptionsContext } from 'n8n-core';
import type { INode, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { buildWorkflow } from '../../../helpers/engine.ts';
import { nodeTypes } from '../../../helpers/package.ts';
import { CLOUD, useSandbox } from '../../../helpers/sandbox.ts';

const t = useSandbox();
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
		expect(found.results.length).toBeGreaterThan(0);
		expect(
			t.sandbox.apiRequests().every((r) => r.headers['x-eccs-contract-id'] === 'OCB0002001'),
		).toBe(true);
	});
});
