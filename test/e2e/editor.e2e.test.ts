/**
 * n8n's editor in a real browser (Debian's Chromium driven by playwright-core): the three nodes in
 * the node panel with their icons, each node's form, and both credentials tested against the
 * sandbox — green, and red with Orange's words for a wrong secret. Screenshots go to
 * test-results/editor/.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { N8N_BIN, n8nEnvironment, ROOT } from '../../scripts/n8n.ts';
import { type Instance, prepareInstance, sandboxCredentials } from './instance.ts';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-results', 'editor');
const port = 20_000 + Math.floor(Math.random() * 20_000);
const base = `http://127.0.0.1:${port}`;

let instance: Instance;
let editor: ChildProcess;
let browser: Browser;
let page: Page;
let cookie = '';

async function waitForEditor(): Promise<void> {
	for (let i = 0; i < 240; i++) {
		try {
			// Up once the REST API answers JSON (the UI answers earlier).
			const response = await fetch(`${base}/rest/settings`);
			if (response.ok && (response.headers.get('content-type') ?? '').includes('json')) return;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error('n8n did not start');
}

async function rest(path: string, body: unknown) {
	const response = await fetch(`${base}/rest${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
		body: JSON.stringify(body),
	});
	return {
		response,
		json: (await response.json()) as { data?: Record<string, unknown> } & Record<string, unknown>,
	};
}

const shot = async (name: string) =>
	page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	instance = await prepareInstance();
	editor = spawn(process.execPath, [N8N_BIN, 'start'], {
		env: n8nEnvironment(instance.userFolder, {
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(port + 1),
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'warn',
		}),
		stdio: 'ignore',
	});
	await waitForEditor();
	const owner = await rest('/owner/setup', {
		email: 'owner@exemple.fr',
		firstName: 'Claire',
		lastName: 'Martin',
		password: 'Sandbox-Owner-2026',
	});
	expect(owner.response.status, JSON.stringify(owner.json)).toBe(200);
	cookie = (owner.response.headers.get('set-cookie') ?? '').split(';')[0];
	const [name, value] = cookie.split('=');

	browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/' }]);
	page = await context.newPage();
}, 900_000);

afterAll(async () => {
	await browser?.close();
	editor?.kill('SIGTERM');
	instance?.stop();
});

describe('n8n editor, in Chromium', () => {
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
		[
			'orangeEligibility01',
			'Check address',
			['Locate By', 'INSEE Code (Code Commune)', 'Rivoli Code (Code Voie)', 'Offers'],
		],
	])('renders the form of %s / %s', async (workflowId, nodeName, labels) => {
		await page.goto(`${base}/workflow/${workflowId}`);
		await page.waitForLoadState('networkidle');
		await page.locator('[data-test-id="canvas-node"]', { hasText: nodeName }).first().dblclick();
		await page.waitForTimeout(1500);
		await shot(`form-${workflowId}-${nodeName.replace(/\W+/g, '-')}`);
		const text = await page.locator('body').innerText();
		for (const label of labels) expect(text).toContain(label);
	});

	it("tests both credentials green against the sandbox, and red with Orange's words for a wrong secret", async () => {
		for (const credential of sandboxCredentials(instance.sandboxUrl)) {
			const green = await rest('/credentials/test', { credentials: credential });
			expect(green.json.data, JSON.stringify(green.json)).toMatchObject({ status: 'OK' });
			const red = await rest('/credentials/test', {
				credentials: { ...credential, data: { ...credential.data, clientSecret: 'wrong' } },
			});
			expect(red.json.data).toMatchObject({ status: 'Error' });
			expect(String(red.json.data?.message)).toContain('check the Client ID and Client Secret');
		}
		await page.goto(`${base}/home/credentials`);
		await page.waitForLoadState('networkidle');
		await shot('credentials-list');
		await page.getByText('Orange Cloud Store (sandbox)').first().click();
		await page.waitForTimeout(2000);
		await shot('credential-cloud-store');
		expect(await page.locator('body').innerText()).toContain('Client ID');
	});
});
