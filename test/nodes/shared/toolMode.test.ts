/**
 * The nodes as AI tools. n8n's Agent hands a model only an error's message, so as a tool every
 * message must say what is wrong, what a valid value looks like and what to do next — without
 * "in item 0" (a tool call is one item). n8n makes the tool variant of a node in its CLI (not in
 * n8n-core): here the same node under its "…Tool" name, which is what n8n-workflow's `@tool`
 * display option and the node's own checks look at. The real conversion runs in test/e2e/ai.
 */
import type { INodeType } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { addNodeTypes, runNode } from '../../helpers/engine.ts';
import { n8nWorkflow, nodeTypes, PACKAGE_NAME } from '../../helpers/package.ts';
import { cloudCredentials, ELIGIBILITY, useSandbox } from '../../helpers/sandbox.ts';

const t = useSandbox();

function toolVariant(name: string): INodeType {
	const node = nodeTypes[`${PACKAGE_NAME}.${name}`];
	const tool = Object.create(node) as INodeType;
	tool.description = { ...node.description, name: `${name}Tool` };
	return tool;
}

addNodeTypes({
	[`${PACKAGE_NAME}.orangeEligibilityTool`]: toolVariant('orangeEligibility'),
	[`${PACKAGE_NAME}.orangeCloudStoreTool`]: toolVariant('orangeCloudStore'),
});

const eligibility = (operation: string, parameters: Record<string, unknown>, typeVersion = 2) =>
	runNode(
		{
			type: 'orangeEligibilityTool',
			typeVersion,
			parameters: { resource: 'eligibility', operation, ...parameters },
			credentials: { orangeEligibilityApi: ELIGIBILITY },
		},
		t.credentials,
	);

const cloudStore = (resource: string, operation: string, parameters: Record<string, unknown>) =>
	runNode(
		{
			type: 'orangeCloudStoreTool',
			parameters: { resource, operation, ...parameters },
			credentials: cloudCredentials,
		},
		t.credentials,
	);

/** A refused value, and the whole message a model receives for it (nothing is sent to Orange). */
const REFUSED: [string, () => ReturnType<typeof runNode>, string][] = [
	[
		'a bad line number',
		() => eligibility('checkByNd', { nd: 'abc' }),
		'Invalid Line Number: "abc" is not a French line number (expected an ND: 10 digits starting with 0, such as 01 42 00 00 01; spaces and +33 accepted). Without the line number, check the postal address instead.',
	],
	[
		'a line number on version 1',
		() => eligibility('checkByNd', { nd: '01 42' }, 1),
		'Invalid Line Number: "01 42" is not a French line number (expected an ND: 10 digits starting with 0, such as 01 42 00 00 01; spaces and +33 accepted). Without the line number, check the postal address instead.',
	],
	[
		'a city instead of an address',
		() => eligibility('checkByTextAddress', { address: 'Lyon' }),
		'Invalid Address: "Lyon" is not a postal address (expected number, street, postcode and city on one line, such as 12 bis rue de Vaugirard, 75015 Paris). Without a street address, check the line number (ND) or the GPS coordinates instead.',
	],
	[
		'swapped coordinates',
		() => eligibility('checkByCoordinates', { latitude: 2.3372, longitude: 48.8462 }),
		'Invalid Latitude: 2.3372, 48.8462 is not in France (expected a point of metropolitan France and Corsica, Guadeloupe, Martinique, French Guiana, La Réunion, Mayotte). Latitude and longitude look swapped: latitude comes first (48.8462 for Paris), then longitude (2.3372).',
	],
	[
		'a latitude in words',
		() => eligibility('checkByCoordinates', { latitude: 'north', longitude: 2.3 }),
		'Invalid Latitude: "north" is not a latitude (expected decimal degrees between -90 and 90, WGS84, such as 48.8462). Latitude comes first (48.8462 for Paris), then longitude (2.3372).',
	],
	[
		'codes a model made up',
		() =>
			eligibility('checkByAddress', { inseeCode: 'Paris', rivoliCode: '2156', streetNumber: '12' }),
		'Invalid INSEE Code: "Paris" is not an INSEE commune code (expected 5 characters, such as 75115 or 2A004). Without the codes, check the postal address instead.',
	],
	[
		'a contract name instead of its reference',
		() =>
			cloudStore('document', 'getMany', {
				contractId: { __rl: true, mode: 'id', value: '={{ "Cloud Avenue" }}' },
			}),
		'Invalid Contract: "Cloud Avenue" is not a Cloud Store contract reference (expected letters and digits, such as OCB0001234). Get Many Contracts lists the contract references; in the editor, pick the contract from the list.',
	],
];

describe('errors a model can act on, from the message alone', () => {
	it.each(REFUSED)('%s', async (_case, run, message) => {
		const { error } = await run();
		expect(error?.message).toBe(message);
		expect(t.sandbox.requests).toHaveLength(0);
	});

	it("carries Orange's details in the message: the code's meaning and the request id", async () => {
		const { error } = await cloudStore('contract', 'get', {
			contractId: { __rl: true, mode: 'id', value: 'OCB0000000' },
		});
		expect(error?.message).toMatch(
			/^Orange Cloud Store: Contract OCB0000000 not found in your perimeter\. Resource not found \(Orange code 60\)\. Request: GET \/cloud\/b2b\/v1\/contract\. Orange request ID, for Orange support: sbx-[0-9a-f]+\.$/,
		);
		// n8n appends "Details: <description>" to a tool's error when the message lacks it: not here.
		expect(error?.message).toContain(error?.description);
	});

	it('tells a model not to send again a creation whose outcome is unknown', async () => {
		t.sandbox.addFault({
			kind: 'reset',
			path: '/cloud/b2b/v1/contract/OCB0001234/user',
			method: 'POST',
		});
		const { error } = await cloudStore('user', 'add', {
			contractId: { __rl: true, mode: 'id', value: 'OCB0001234' },
			login: 'jane.doe',
			civility: 'Mme',
			lastName: 'Doe',
			firstName: 'Jane',
			email: 'jane.doe@example.fr',
		});
		expect(error?.message).toMatch(/the outcome of POST \/cloud\/b2b\/v1\/\S+ is unknown/);
		expect(error?.message).toContain('It was not sent again, to avoid doing it twice');
		// Not n8n's generic "You can retry the request", which a system code in the message brings.
		expect(error?.message).not.toMatch(/retry|ECONNRESET/);
		expect(t.sandbox.apiRequests()).toHaveLength(1);
	});
});

/** Each operation's tool description, read from the node's properties. */
function toolDescriptions(name: string) {
	const properties = nodeTypes[`${PACKAGE_NAME}.${name}`].description.properties;
	const operations = properties.filter((property) => property.name === 'operation');
	return operations.flatMap((property) =>
		(property.options as { value: string }[]).map((option) => {
			const resource = (property.displayOptions?.show?.resource as string[])[0];
			const described = properties.filter(
				(p) =>
					p.name === 'toolDescription' &&
					(p.displayOptions?.show?.resource as string[]).includes(resource) &&
					(p.displayOptions?.show?.operation as string[]).includes(option.value),
			);
			return { resource, operation: option.value, described };
		}),
	);
}

const { NodeHelpers } = n8nWorkflow;

/** A node's parameters with their defaults, as n8n-workflow fills them for the tool and for the node. */
function resolvedParameters(name: string, parameters: { resource: string; operation: string }) {
	const tool = toolVariant(name).description;
	const plain = nodeTypes[`${PACKAGE_NAME}.${name}`].description;
	const node = {
		id: 'n',
		name: 'Orange',
		type: `${PACKAGE_NAME}.${tool.name}`,
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters,
	};
	const resolve = (description: typeof tool) =>
		NodeHelpers.getNodeParameters(
			description.properties,
			parameters,
			true,
			false,
			node,
			description,
		)!;
	return { node, asTool: resolve(tool), asNode: resolve(plain) };
}

describe('what a model is told of each tool', () => {
	it.each(['orangeEligibility', 'orangeCloudStore'])(
		'%s: each operation has its own description, shown only to a tool, and n8n gives it to the model',
		(name) => {
			const tool = toolVariant(name);
			const all = toolDescriptions(name);
			expect(all.length).toBeGreaterThan(1);
			for (const { resource, operation, described } of all) {
				expect(described, `${resource}/${operation}`).toHaveLength(1);
				const text = described[0].default as string;
				// Long enough to choose by, short enough for every tool call's context.
				expect(text.length).toBeGreaterThan(100);
				expect(text.length).toBeLessThan(600);
				expect(described[0].displayOptions?.show?.['@tool']).toEqual([true]);
				const { asTool, asNode, node } = resolvedParameters(name, { resource, operation });
				expect(NodeHelpers.getToolDescriptionForNode({ ...node, parameters: asTool }, tool)).toBe(
					text,
				);
				expect(asNode).not.toHaveProperty('toolDescription');
			}
		},
	);

	it('names what a model must have at hand, and where to find it', () => {
		const text = (name: string, operation: string) =>
			toolDescriptions(name).find((entry) => entry.operation === operation)!.described[0]
				.default as string;
		expect(text('orangeEligibility', 'checkByNd')).toContain('01 42 00 00 01');
		expect(text('orangeEligibility', 'checkByTextAddress')).toMatch(/postcode/);
		for (const offer of ['Optimum Access', 'Optimum PM'])
			expect(text('orangeEligibility', 'checkByCoordinates')).toContain(offer);
		// A contract reference is needed by every Cloud Store tool: the list says so, and where.
		expect(text('orangeCloudStore', 'getMany')).toMatch(/contract reference.*find it here/);
		expect(text('orangeCloudStore', 'download')).toMatch(/OCB0001234.*id/);
		expect(text('orangeCloudStore', 'create')).toMatch(/only when asked/);
	});
});

describe("the keys n8n's editor writes when a model fills a field", () => {
	// "Let the model define this parameter" names the value after the field's display name, every
	// character but letters, digits and "-" made "_" (n8n-workflow's $fromAI key rule).
	const keyOf = (displayName: string) => displayName.replace(/[^a-zA-Z0-9-]/g, '_');

	it.each(['orangeEligibility', 'orangeCloudStore'])('%s: plain ASCII, no run of "_"', (name) => {
		const fillable = nodeTypes[`${PACKAGE_NAME}.${name}`].description.properties.filter((p) =>
			['string', 'number', 'resourceLocator'].includes(p.type),
		);
		expect(fillable.length).toBeGreaterThan(5);
		for (const property of fillable) {
			const key = keyOf(property.displayName);
			expect(key, property.displayName).toMatch(/^[A-Za-z][A-Za-z0-9-]*(_[A-Za-z0-9-]+)*$/);
			expect(key.length, property.displayName).toBeLessThanOrEqual(32);
		}
	});
});
