/**
 * What the trigger's form and canvas show, read as n8n reads its description: the subtitle
 * evaluated by n8n's expression engine, fields shown for the options chosen.
 */
import type { INodeProperties } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { n8nWorkflow, nodeTypes } from '../../helpers/package.ts';
import { subtitleOf } from '../../helpers/subtitle.ts';

const { NodeHelpers } = n8nWorkflow;
const TYPE = 'n8n-nodes-orange.orangeCloudStoreTrigger';
const { description } = nodeTypes[TYPE];

const subtitleFor = (documentType: string) => subtitleOf(TYPE, { documentType });

describe('Orange Cloud Store Trigger description', () => {
	it.each([
		['invoices', 'New invoice'],
		['comsumptionRatedReports', 'New consumption report'],
		['partialBills', 'New partial bill'],
		['all', 'New document'],
	])('shows "%s" on the canvas as %j', (documentType, subtitle) => {
		expect(subtitleFor(documentType)).toBe(subtitle);
	});

	it('says, at the top of its form, that the first activation emits nothing', () => {
		const notice = description.properties.find((p) => p.type === 'notice')!;
		expect(notice.displayName).toMatch(
			/^The first activation records the documents that exist and emits none/,
		);
	});

	it('shows Put File in Field only with Attach File on', () => {
		const options = description.properties.find((p) => p.name === 'options')!;
		const binaryField = (options.options as INodeProperties[]).find(
			(o) => o.name === 'binaryPropertyName',
		)!;
		const shownWith = (attachFile: boolean) =>
			NodeHelpers.displayParameterPath(
				{ options: { attachFile } },
				binaryField,
				'options',
				{ typeVersion: 1 },
				description,
			);
		expect(shownWith(true)).toBe(true);
		expect(shownWith(false)).toBe(false);
	});

	it('describes every document type', () => {
		const documentType = description.properties.find((p) => p.name === 'documentType')!;
		for (const option of documentType.options as { name: string; description?: string }[])
			expect(option.description, option.name).toMatch(/\w{4}/);
	});
});
