import type { INodeProperties } from 'n8n-workflow';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

import { credentialTypes, nodeTypes } from '../helpers/package.ts';
import { subtitleOf } from '../helpers/subtitle.ts';

const require = createRequire(import.meta.url);
const pkg = require('../../package.json') as { n8n: { nodes: string[] } };

describe.each(Object.entries(nodeTypes))('%s description', (type, node) => {
	const { description } = node;
	const operations = description.properties.filter((p) => p.name === 'operation');

	it('has an action for every operation, and no option twice', () => {
		for (const property of operations) {
			for (const option of property.options as { action?: string; value: string }[]) {
				expect(option.action, `${type} ${option.value}`).toMatch(/^[A-Z]/);
			}
		}
	});

	it('shows each parameter once per resource and operation', () => {
		const seen = new Set<string>();
		for (const property of description.properties as INodeProperties[]) {
			const show = property.displayOptions?.show ?? {};
			// A parameter may appear twice when each copy is for other node versions.
			const versions = JSON.stringify(show['@version'] ?? '*');
			for (const resource of (show.resource as string[]) ?? ['*']) {
				for (const operation of (show.operation as string[]) ?? ['*']) {
					const key = `${resource}/${operation}/${versions}/${property.name}`;
					expect(seen.has(key), key).toBe(false);
					seen.add(key);
				}
			}
		}
	});

	it('has its light and dark icons in dist, and a codex file', async () => {
		const { existsSync } = await import('node:fs');
		const file = pkg.n8n.nodes.find((f) =>
			f.includes(`/${description.name.replace(/^./, (c) => c.toUpperCase())}/`),
		)!;
		const folder = new URL(`../../${file}`, import.meta.url);
		const icon = description.icon as { light: string; dark: string };
		expect(icon.light).not.toBe(icon.dark);
		for (const path of [icon.light, icon.dark])
			expect(existsSync(new URL(path.replace('file:', ''), folder))).toBe(true);
		expect(existsSync(new URL(`../../${file.replace(/\.js$/, '.json')}`, import.meta.url))).toBe(
			true,
		);
	});

	it('names only credentials of this package', () => {
		for (const credential of description.credentials ?? [])
			expect(Object.keys(credentialTypes)).toContain(credential.name);
	});
});

const DOCS = 'https://github.com/n8n-nodes-orange/n8n-nodes-orange/blob/main/';

/** A documentation link n8n opens: a page of this repository's docs/, with no #anchor (n8n appends ?utm_…). */
function expectDocsPage(url: unknown) {
	expect(url).toMatch(
		/^https:\/\/github\.com\/n8n-nodes-orange\/n8n-nodes-orange\/blob\/main\/docs\/[a-z-]+\.md$/,
	);
	const file = new URL(`../../${String(url).slice(DOCS.length)}`, import.meta.url);
	expect(existsSync(file), String(url)).toBe(true);
}

describe('documentation links', () => {
	it.each(Object.entries(nodeTypes))(
		'%s opens its own page, from its codex and its description',
		(_type, node) => {
			const file = pkg.n8n.nodes.find((f) => f.endsWith(`/${node.constructor.name}.node.js`))!;
			const codex = require(`../../${file.replace(/\.js$/, '.json')}`) as {
				resources: {
					primaryDocumentation: { url: string }[];
					credentialDocumentation: { url: string }[];
				};
			};
			expectDocsPage(codex.resources.primaryDocumentation[0].url);
			expectDocsPage(codex.resources.credentialDocumentation[0].url);
			expectDocsPage(node.description.documentationUrl);
		},
	);

	it.each(Object.entries(credentialTypes))(
		'%s credential opens its own page',
		(_name, credential) => {
			expectDocsPage(credential.documentationUrl);
		},
	);
});

describe('canvas subtitles', () => {
	it.each([
		[
			'orangeEligibility',
			{ resource: 'eligibility', operation: 'checkByNd' },
			'Check Line Number (ND)',
		],
		[
			'orangeEligibility',
			{ resource: 'eligibility', operation: 'checkByTextAddress' },
			'Check Address',
		],
		['orangeCloudStore', { resource: 'document', operation: 'download' }, 'Document: Download'],
		['orangeCloudStore', { resource: 'contract', operation: 'getMany' }, 'Contract: Get Many'],
	])('%s shows %j as %j, not its raw values', (type, parameters, subtitle) => {
		expect(subtitleOf(`n8n-nodes-orange.${type}`, parameters)).toBe(subtitle);
	});
});
