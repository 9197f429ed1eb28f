/**
 * n8n's editor in a real browser (Debian's Chromium driven by playwright-core): the three nodes in
 * the node panel with their icons, each node's form, both credentials tested from their modal
 * against the sandbox — green, and red with Orange's words for a wrong secret — and each example on
 * the canvas. Screenshots go to test-results/editor/ (the README's come from there: docs/images/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sandboxStats } from '../../sandbox/client.ts';
import { n8n, ROOT } from '../../scripts/n8n.ts';
import {
	expectCredentialTests,
	type Instance,
	ownerSession,
	prepareInstance,
	type Rest,
	type Server,
	startN8n,
} from './instance.ts';
import { type EditorPage, openEditorPage, SHOTS } from './editorPage.ts';

let base = '';
let instance: Instance;
let editor: Server;
let browser: Browser;
let page: Page;
let cookie = '';

let rest: Rest;
let shot: EditorPage['shot'];
let openNode: EditorPage['openNode'];

beforeAll(async () => {
	instance = await prepareInstance();
	// Both credentials used by a workflow first, so they hold a token as in any instance in use:
	// their Test must still check a changed secret with Orange.
	for (const file of ['cloud-store-contracts.workflow.json', 'eligibility-check.workflow.json']) {
		const run = n8n(instance.userFolder, ['execute', `--id=${instance.workflows[file].id}`]);
		expect(run.status, run.stderr).toBe(0);
	}
	expect(await sandboxStats(instance.sandboxUrl)).toMatchObject({ tokenRequests: 2 });
	editor = await startN8n(instance);
	base = editor.base;
	({ rest, cookie } = await ownerSession(editor));
	({ browser, page, shot, openNode } = await openEditorPage(base, cookie));
}, 900_000);

afterAll(async () => {
	await browser?.close();
	await editor?.stop();
	await instance?.stop();
});

describe('n8n editor, in Chromium', () => {
	it.each([
		['Orange Cloud Store (sandbox)', 'cloud-store'],
		['Orange Eligibility (sandbox)', 'eligibility'],
	])(
		"tests %s from its modal: Retry green, a wrong secret saved red with Orange's words, then green again",
		async (credentialName, slug) => {
			// The credential holds a token from a workflow run (beforeAll); n8n's Test reuses a held
			// token, so the red below comes from the credential refusing to send a token issued for
			// another secret (README, "How tokens are handled").
			await page.goto(`${base}/home/credentials`);
			await page.waitForLoadState('networkidle');
			await page.getByText(credentialName).first().click();
			const dialog = page.locator('[data-test-id="credential-edit-dialog"]');
			await dialog.waitFor();
			// The banners are drawn outside the dialog's element: look for them on the page.
			const success = page
				.locator('[data-test-id="credentials-config-container-test-success"]')
				.filter({ visible: true });
			// The editor's own test request, answered: what its banner then shows.
			const testAnswer = (secretSent: string) =>
				page.waitForResponse(
					(response) =>
						response.url().endsWith('/rest/credentials/test') &&
						(response.request().postData() ?? '').includes(secretSent),
					{ timeout: 30_000 },
				);
			// n8n tests a credential when its modal opens; Retry tests it again.
			await success.waitFor({ timeout: 30_000 });
			await success.getByRole('button', { name: 'Retry' }).click();
			await success.waitFor({ timeout: 30_000 });
			await shot(`credential-${slug}-tested-green`);

			const secret = dialog
				.locator('[data-test-id="credential-connection-parameter"]', { hasText: 'Client Secret' })
				.locator('input');
			const save = page.locator('[data-test-id="credential-save-button"]');
			// Saving tests the credential with what the form holds.
			const saveWith = async (value: string) => {
				await secret.fill(value);
				await secret.press('Tab');
				const answer = testAnswer(value);
				await save.click();
				return (await (await answer).json()) as { data: { status: string; message: string } };
			};
			const tokensBefore = (await sandboxStats(instance.sandboxUrl)).tokenRequests;
			const red = await saveWith('wrong-secret');
			expect((await sandboxStats(instance.sandboxUrl)).tokenRequests).toBeGreaterThan(tokensBefore);
			expect(red.data.status).toBe('Error');
			expect(red.data.message).toContain('check the Client ID and Client Secret');
			// Hidden copies of the banners stay in the page: only the visible one counts.
			const visible = (text: string | RegExp) => page.getByText(text).filter({ visible: true });
			await visible(/Couldn.t connect with these settings/).waitFor({ timeout: 30_000 });
			await visible('More details').click();
			await visible(
				/Orange refused the token request .* check the Client ID and Client Secret/,
			).waitFor({ timeout: 10_000 });
			await shot(`credential-${slug}-tested-red`);

			const green = await saveWith('sandbox-client-secret');
			expect(green.data.status).toBe('OK');
			await success.waitFor({ timeout: 30_000 });
			await page.keyboard.press('Escape');
		},
	);

	it('lists the Orange nodes, with their icons, and the actions and trigger of Cloud Store', async () => {
		// In a workflow that has a trigger, the node panel lists every kind of node.
		await page.goto(`${base}/workflow/orangeContracts01`);
		await page.waitForLoadState('networkidle');
		await shot('editor-loaded');
		await page.locator('[data-test-id="node-creator-plus-button"]').click();
		const search = page.getByPlaceholder(/search/i).last();
		await search.waitFor({ timeout: 30_000 });
		await search.fill('Orange');
		await page.waitForTimeout(1000);
		await shot('node-panel-orange');
		const panel = await page.locator('body').innerText();
		// n8n lists a node and its trigger as one app: "Orange Cloud Store" holds both.
		for (const name of ['Orange Cloud Store', 'Orange Eligibility']) expect(panel).toContain(name);
		expect(
			await page.locator('img[src*="cloudStore"], img[src*="eligibility"]').count(),
		).toBeGreaterThanOrEqual(2);

		await page.getByText('Orange Cloud Store', { exact: true }).first().click();
		await page.waitForTimeout(1000);
		await shot('node-panel-orange-cloud-store-actions');
		const actions = await page.locator('body').innerText();
		for (const action of [
			'Get many documents',
			'Download a document',
			'Add a user to a contract',
			'Create a contract',
		]) {
			expect(actions).toContain(action);
		}
		expect(actions).toContain('Triggers (1)');
	});

	it.each([
		['orangeContracts01', 'List contracts', ['Resource', 'Operation', 'Return All']],
		['orangeInvoices01', 'Download invoice', ['Contract', 'Document', 'Put Output File in Field']],
		['orangeOnboarding01', 'Add user', ['Civility', 'Login', 'Role']],
		['orangeNewInvoices01', 'New invoice', ['Contracts to Watch', 'Document Type', 'Poll Times']],
		['orangeEligibility01', 'Check address', ['Locate By', 'INSEE Code', 'Rivoli Code', 'Offers']],
	])('renders the form of %s / %s', async (workflowId, nodeName, labels) => {
		await openNode(workflowId, nodeName);
		await shot(`form-${workflowId}-${nodeName.replace(/\W+/g, '-')}`);
		const text = await page.locator('body').innerText();
		for (const label of labels) expect(text).toContain(label);
	});

	it("tests both credentials green against the sandbox, and red with Orange's words for a wrong secret", async () => {
		await expectCredentialTests(rest, instance.sandboxUrl);
		await page.goto(`${base}/home/credentials`);
		await page.waitForLoadState('networkidle');
		await shot('credentials-list');
	});

	it.each(
		readdirSync(join(ROOT, 'examples'))
			.filter((file) => file.endsWith('.workflow.json'))
			.map((file) => [file]),
	)('shows the example %s on the canvas, every node of a type n8n knows', async (file) => {
		const workflow = JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')) as {
			id: string;
			nodes: { type: string; typeVersion: number }[];
		};
		// What the editor loads to know node types: an unknown one would be "Unrecognized node type".
		const known = (await (
			await fetch(`${base}/types/nodes.json`, { headers: { Cookie: cookie } })
		).json()) as {
			name: string;
			version: number | number[];
		}[];
		for (const node of workflow.nodes) {
			const type = known.filter((k) => k.name === node.type);
			expect(type.length, node.type).toBeGreaterThan(0);
			expect(
				type.flatMap((k) => [k.version].flat()),
				node.type,
			).toContain(node.typeVersion);
		}
		await page.goto(`${base}/workflow/${workflow.id}`);
		await page.waitForLoadState('networkidle');
		await page.locator('[data-test-id="zoom-to-fit"]').click();
		await page.waitForTimeout(800);
		await page
			.locator('[data-test-id="canvas-wrapper"]')
			.screenshot({ path: join(SHOTS, `canvas-${file.replace('.workflow.json', '')}.png`) });
		expect(await page.locator('[data-test-id="canvas-node"]').count()).toBe(workflow.nodes.length);
	});
});

describe('what a new user meets first, in Chromium', () => {
	const DOCS = 'https://github.com/n8n-nodes-orange/n8n-nodes-orange/blob/main/docs/';
	const visible = (text: string | RegExp) => page.getByText(text).filter({ visible: true });

	it('says which fields Map Automatically reads, and its Docs link opens the node’s own page', async () => {
		await openNode('e2eEditorFirstRun', 'Check lines from a sheet');
		await visible(/^Each input item needs these fields: nd \(the line number\)/).waitFor();
		// n8n may add ?utm_… to the link: the page is a file of its own, so no #anchor can break.
		const docs = page.locator(`a[href^="${DOCS}orange-eligibility.md"]`).first();
		const href = (await docs.getAttribute('href')) ?? '';
		expect(href.split('?')[0]).toBe(`${DOCS}orange-eligibility.md`);
		expect(href).not.toContain('#');
		await shot('first-run-eligibility-map-automatically');
	});

	it('shows a check’s answer as flat fields, ready to drag into the next node', async () => {
		await openNode('orangeEligibility01', 'Check line');
		// The form's button (the canvas's own one, under the form, has another id).
		await page
			.locator('[data-test-id="node-execute-button"]')
			.filter({ visible: true })
			.first()
			.click();
		for (const field of ['optimumAccessStatusLabel', 'nroCode', 'blom'])
			await visible(field).first().waitFor({ timeout: 60_000 });
		await visible('Eligible, network deployed').first().waitFor();
		await shot('first-run-eligibility-output');
	});

	it('lists a contract’s invoices by type, month, format and amount, newest first', async () => {
		await openNode('e2eEditorFirstRun', 'Download an invoice');
		// The form's second list is the Document's (the first is the Contract's).
		await page.locator('[data-test-id="rlc-input"]').nth(1).click();
		const items = page.locator('[data-test-id="rlc-item"]').filter({ visible: true });
		await items.first().waitFor({ timeout: 30_000 });
		const names = await items.allInnerTexts();
		expect(names[0]).toMatch(/^Invoice · October 2026 · PDF · €[\d,.]+$/);
		expect(names.every((name) => name.startsWith('Invoice · '))).toBe(true);
		await shot('first-run-document-picker');
		await page.keyboard.press('Escape');
	});

	it('asks for a contract first in the Document list, instead of an input error', async () => {
		await openNode('e2eEditorFirstRun', 'Download, no contract yet');
		await page.locator('[data-test-id="rlc-input"]').nth(1).click();
		await visible('Choose a contract first').first().waitFor({ timeout: 30_000 });
		expect(await visible(/Invalid Contract/).count()).toBe(0);
		await shot('first-run-document-picker-no-contract');
		await page.keyboard.press('Escape');
	});

	it('explains the trigger: its first activation, and a subtitle in words', async () => {
		await page.goto(`${base}/workflow/orangeNewInvoices01`);
		await page.waitForLoadState('networkidle');
		const trigger = page.locator('[data-test-id="canvas-node"]', { hasText: 'New invoice' });
		expect(await trigger.first().innerText()).toContain('New invoice');
		await trigger.first().dblclick();
		await visible(
			/^The first activation records the documents that exist and emits none/,
		).waitFor();
		await shot('first-run-trigger');
	});

	it('says, in each credential’s form, where its values come from', async () => {
		await page.goto(`${base}/home/credentials`);
		await page.waitForLoadState('networkidle');
		await page.getByText('Orange Eligibility (sandbox)').first().click();
		await visible(/^Client ID and Client Secret: your application in Orange Developer/).waitFor();
		await visible(/^Optional: leave the fields below as they are/).waitFor();
		await shot('first-run-credential-eligibility');
		await page.keyboard.press('Escape');
	});
});
