/**
 * A page of n8n's editor in Debian's Chromium (playwright-core), logged in as the instance's owner,
 * and what the editor suites do with it: screenshots, opening a node's form.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

import { ROOT } from '../../scripts/n8n.ts';

const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = join(ROOT, 'test-results', 'editor');

export interface EditorPage {
	browser: Browser;
	page: Page;
	/** Saves a screenshot as test-results/editor/<name>.png. */
	shot: (name: string) => Promise<Buffer>;
	/** Opens a workflow and the form of one of its nodes. */
	openNode: (workflowId: string, nodeName: string) => Promise<void>;
}

export async function openEditorPage(base: string, cookie: string): Promise<EditorPage> {
	mkdirSync(SHOTS, { recursive: true });
	const [name, value] = cookie.split('=');
	const browser = await chromium.launch({
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
	const page = await context.newPage();
	const shot = async (shotName: string) =>
		await page.screenshot({ path: join(SHOTS, `${shotName}.png`), fullPage: false });
	const openNode = async (workflowId: string, nodeName: string) => {
		await page.goto(`${base}/workflow/${workflowId}`);
		await page.waitForLoadState('networkidle');
		await page.locator('[data-test-id="canvas-node"]', { hasText: nodeName }).first().dblclick();
		await page.waitForTimeout(1500);
	};
	return { browser, page, shot, openNode };
}
