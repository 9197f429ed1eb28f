/**
 * End to end, in a real n8n: the package is packed, installed into a fresh n8n user folder the way
 * n8n installs a community package, credentials pointing at the sandbox are imported, and the
 * example workflows run with the n8n CLI (`n8n execute`). Slow: `npm run test:e2e`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sandboxToken } from '../../sandbox/client.ts';
import { SANDBOX_API_KEY } from '../../sandbox/data.ts';
import { executedRun, n8n } from '../../scripts/n8n.ts';
import { type Instance, prepareInstance } from './instance.ts';

interface Item {
	json: Record<string, unknown>;
	binary?: Record<string, { fileName?: string; mimeType?: string; fileSize?: string }>;
}
interface Run {
	data: {
		resultData: {
			runData: Record<string, { data?: { main: Item[][] }; error?: { message: string } }[]>;
			error?: { message: string };
		};
	};
}

let instance: Instance;
let userFolder = '';
let sandboxUrl = '';
let workflows: Instance['workflows'] = {};

/** The sha256 of a document's file, fetched from the sandbox directly. */
async function fileHash(contractId: string, documentId: string): Promise<string> {
	// `n8n execute` blocks this process's event loop (spawnSync) for many seconds, while the sandbox
	// closes idle keep-alive sockets: one turn of the loop lets fetch see those closes before it
	// picks a socket, or it sends on a closed one ("other side closed").
	await new Promise((resolve) => setImmediate(resolve));
	const response = await fetch(`${sandboxUrl}/cloud/b2b/v1/documents/${documentId}/file`, {
		headers: {
			Authorization: `Bearer ${await sandboxToken(sandboxUrl)}`,
			'X-API-Key': SANDBOX_API_KEY,
			'X-ECCS-Contract-Id': contractId,
			Accept: 'application/json',
		},
	});
	return createHash('sha256')
		.update(Buffer.from(await response.arrayBuffer()))
		.digest('hex');
}

function execute(file: string): { run: Run; output: (node: string) => Item[] } {
	const { id } = workflows[file];
	const result = n8n(userFolder, ['execute', `--id=${id}`, '--rawOutput']);
	const printed = executedRun<Run>(result.stdout);
	if (!printed)
		throw new Error(
			`n8n execute ${file} (exit ${result.status}) printed no run:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`,
		);
	const { run, after } = printed;
	if (after) console.warn(`n8n execute ${file} printed after its run: ${after.slice(0, 500)}`);
	return { run, output: (node) => run.data.resultData.runData[node]?.[0]?.data?.main[0] ?? [] };
}

beforeAll(async () => {
	instance = await prepareInstance();
	({ userFolder, sandboxUrl, workflows } = instance);
}, 900_000);

afterAll(async () => {
	await instance?.stop();
});

describe('in a real n8n, installed from the packed package', () => {
	it('lists every contract and gets each one', () => {
		const { run, output } = execute('cloud-store-contracts.workflow.json');
		expect(run.data.resultData.error).toBeUndefined();
		expect(output('List contracts').map((i) => i.json.id)).toEqual([
			'OCB0001234',
			'OCB0001235',
			'OCB0002001',
			'OCB0009293',
		]);
		expect(output('Get contract').map((i) => i.json.name)).toEqual([
			'Flexible Engine Production',
			'Cloud Avenue Recette',
			'Flexible Engine Data Lake',
			'Honey Backup',
		]);
	});

	it('downloads invoices as files, byte for byte', async () => {
		const { run, output } = execute('e2e-download-hash.workflow.json');
		expect(run.data.resultData.error).toBeUndefined();
		const hashed = output('Hash file');
		expect(hashed).toHaveLength(3);
		for (const item of hashed) {
			expect(item.json.sha256).toBe(
				await fileHash(String(item.json.contractId), String(item.json.documentId)),
			);
			expect(item.json.fileName).toMatch(/^OCB0001234_\d{6}_invoices\.pdf$/);
			expect(item.json.mimeType).toBe('application/pdf');
			expect(item.json.fileSize).toBeGreaterThan(1000);
		}
	});

	it("runs the monthly-invoices example: each contract's newest invoice written to disk, byte for byte", async () => {
		const { run, output } = execute('cloud-store-monthly-invoices.workflow.json');
		expect(run.data.resultData.error).toBeUndefined();
		const invoices = output('Newest invoice');
		expect(invoices.map((i) => i.json.contractId)).toEqual([
			'OCB0001234',
			'OCB0001235',
			'OCB0002001',
			'OCB0009293',
		]);
		const written = output('Write invoice to disk').map((i) => String(i.json.fileName));
		expect(written).toEqual(
			invoices.map((i) => join(instance.filesFolder, String(i.json.filename))),
		);
		for (const invoice of invoices) {
			const bytes = readFileSync(join(instance.filesFolder, String(invoice.json.filename)));
			expect(createHash('sha256').update(bytes).digest('hex')).toBe(
				await fileHash(String(invoice.json.contractId), String(invoice.json.id)),
			);
		}
	});

	it('creates a contract and adds the users of a list to it', () => {
		const { run, output } = execute('cloud-store-onboarding.workflow.json');
		expect(run.data.resultData.error).toBeUndefined();
		const [created] = output('Create contract');
		expect(created.json.id).toMatch(/^OCB\d{7}$/);
		expect(output('Add user').map((i) => [i.json.contractId, i.json.login])).toEqual([
			[created.json.id, 'louis.moreau'],
			[created.json.id, 'ines.petit'],
			[created.json.id, 'hugo.garnier'],
		]);
	});

	it('checks eligibility of a line, an address, a text address and a GPS point', () => {
		const { run, output } = execute('eligibility-check.workflow.json');
		expect(run.data.resultData.error).toBeUndefined();
		expect(output('Check line')[0].json).toMatchObject({
			found: true,
			nd: '0472000002',
			eligible: true,
			optimumEthernetLanStatus: 'NOT_ELIGIBLE',
			optimumEthernetLanStatusLabel: 'Not eligible',
		});
		expect(output('Check address')[0].json).toMatchObject({
			addressLabel: '12 RUE DE LA CONVENTION 75015 PARIS',
		});
		expect(output('Check text address')[0].json).toMatchObject({
			postcode: '75015',
			buildingCode: 'IMB/75115/V/0012',
			optimumEthernetEntrepriseReason: 'onlyMetropolitanAreaOffer',
		});
		// Toulouse answers its active offers as one unnamed FTTE_active item: both read it.
		expect(output('Check GPS point')[0].json).toMatchObject({
			city: 'TOULOUSE',
			optimumEthernetEntrepriseStatus: 'ELIGIBLE_DEPLOYED',
			optimumEthernetLanStatus: 'ELIGIBLE_DEPLOYED',
			blom: 'BLOM-31555-0107',
		});
	});

	it('gives a workflow saved with version 1 of Orange Eligibility the output version 1 gave before version 2', () => {
		const { run, output } = execute('e2e-eligibility-version1.workflow.json');
		expect(run.data.resultData.error).toBeUndefined();
		// Recorded by the engine suite before version 2 existed (test/nodes/OrangeEligibility).
		const recorded = JSON.parse(
			readFileSync(
				join(import.meta.dirname, '../nodes/OrangeEligibility/__snapshots__/version1.outputs.json'),
				'utf8',
			),
		) as Record<string, { json: unknown }[]>;
		const cases = {
			'Check line': 'ND, three buildings, mixed offers (Lyon)',
			'Check address': 'address by street (Paris, all deployed)',
			'Check text address': 'text address',
			'Check GPS point': 'coordinates, active offers as one item (Toulouse)',
		};
		for (const [node, recordedCase] of Object.entries(cases))
			expect(
				output(node).map((item) => item.json),
				node,
			).toEqual(recorded[recordedCase].map((item) => item.json));
	});

	it("turns Orange's errors into error items with Continue On Fail, and bad input too", () => {
		const { run, output } = execute('e2e-errors.workflow.json');
		expect(run.data.resultData.error).toBeUndefined();
		expect(output('Get contract').map((i) => i.json.error ?? i.json.id)).toEqual([
			'OCB0001234',
			'Orange Cloud Store: Contract OCB0000000 not found in your perimeter.',
			'Invalid Contract in item 2: "not a contract!" is not a Cloud Store contract reference (expected letters and digits, such as OCB0001234)',
		]);
	});
});
