/**
 * The node's versions as n8n's editor and engine read its description: which operation a new node
 * gets, which a saved one keeps, and what shows in the editor and to an AI agent.
 */
import type { INode, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { runNode } from '../../helpers/engine.ts';
import { lastPlace } from '../../helpers/eligibility.ts';
import { n8nWorkflow, nodeTypes } from '../../helpers/package.ts';
import { ELIGIBILITY, useSandbox } from '../../helpers/sandbox.ts';

const { NodeHelpers } = n8nWorkflow;
const { description } = nodeTypes['n8n-nodes-orange.orangeEligibility'];
const t = useSandbox();

/** The parameters n8n gives a node of `typeVersion` holding `values` (its defaults filled in). */
const parametersOf = (typeVersion: number, values: INode['parameters'] = {}, type = description) =>
	NodeHelpers.getNodeParameters(type.properties, values, true, false, { typeVersion }, type)!;

/** What shows in the form for these values: every displayed property's name. */
const shown = (typeVersion: number, values: INode['parameters'], type = description) => {
	const parameters = parametersOf(typeVersion, values, type);
	return type.properties
		.filter((p: INodeProperties) =>
			NodeHelpers.displayParameter(parameters, p, { typeVersion }, type),
		)
		.map((p: INodeProperties) => p.name);
};

describe('Orange Eligibility versions', () => {
	it('is added to a workflow as version 2, whose default operation is Check Address (a text address)', () => {
		expect(description.version).toEqual([1, 2]);
		expect(parametersOf(2).operation).toBe('checkByTextAddress');
	});

	it('keeps Check Address by Codes for a version 1 node saved with the operation left at its default', async () => {
		expect(parametersOf(1).operation).toBe('checkByAddress');
		// n8n saves a parameter left at its default as absent: such a workflow still checks codes.
		const { error } = await runNode(
			{
				type: 'orangeEligibility',
				typeVersion: 1,
				parameters: { inseeCode: '75115', rivoliCode: '2156', streetNumber: '12' },
				credentials: { orangeEligibilityApi: ELIGIBILITY },
			},
			t.credentials,
		);
		expect(error).toBeUndefined();
		expect(lastPlace(t)).toMatchObject({ '@type': 'GeographicAddress', inseeCode: '75115' });
	});

	it('lists its operations by what a user has at hand, with actions that say the same', () => {
		const operation = description.properties.find((p) => p.name === 'operation')!;
		expect(operation.options!.map((o) => [o.name, (o as { action: string }).action])).toEqual([
			['Check Address', 'Check eligibility of a postal address'],
			['Check Address by Codes', 'Check eligibility of an address by its INSEE and Rivoli codes'],
			['Check GPS Coordinates', 'Check eligibility at GPS coordinates'],
			['Check Line Number (ND)', 'Check eligibility of a line number (ND)'],
		]);
	});

	it('says which fields "Map Automatically" reads, once it is chosen', () => {
		const values = { operation: 'checkByNd', mappingMode: 'autoMapInputData' };
		expect(shown(2, values)).toContain('autoMapNotice');
		expect(shown(2, values)).not.toContain('nd');
		expect(shown(2, { operation: 'checkByNd' })).not.toContain('autoMapNotice');
		const notice = description.properties.find(
			(p) => p.name === 'autoMapNotice' && p.displayOptions?.show?.operation?.includes('checkByNd'),
		)!;
		expect(notice.displayName).toBe(
			'Each input item needs these fields: nd (the line number), ndStatus (optional: "active" or "inactive"). Rename other fields with an Edit Fields (Set) node first.',
		);
	});

	it('shows an AI agent the fields to fill, not Mapping Mode (a tool call has no input item)', () => {
		const tool: INodeTypeDescription = { ...description, name: 'orangeEligibilityTool' };
		const fields = shown(2, { operation: 'checkByNd' }, tool);
		expect(fields).toContain('nd');
		expect(fields).toContain('ndStatus');
		expect(fields).not.toContain('mappingMode');
		expect(shown(2, { operation: 'checkByNd' })).toContain('mappingMode');
	});

	it("offers version 2's options (status labels, not found) to version 2 only", () => {
		const optionNames = (typeVersion: number) => {
			const parameters = parametersOf(typeVersion, { operation: 'checkByNd' });
			const options = description.properties.find(
				(p) =>
					p.name === 'options' &&
					p.displayOptions?.show?.operation?.includes('checkByNd') &&
					NodeHelpers.displayParameter(parameters, p, { typeVersion }, description),
			)!;
			return (options.options as INodeProperties[]).map((o) => o.name);
		};
		expect(optionNames(1)).toEqual(['concurrency', 'timeout']);
		expect(optionNames(2)).toEqual(['failIfNotFound', 'concurrency', 'statusLanguage', 'timeout']);
	});
});
