/**
 * `npm run demo`: starts the Orange sandbox and runs every example workflow of examples/ through
 * n8n's engine (n8n-core), printing what each one did.
 *
 * With real Orange credentials in the environment, the same workflows run against Orange:
 *   ORANGE_CLIENT_ID, ORANGE_CLIENT_SECRET, ORANGE_API_KEY (Cloud Store), ORANGE_CONTRACT_ID
 *   (a contract of yours, replacing the sandbox's OCB0001234), ORANGE_BASE_URL (optional).
 * Workflows that create anything in Orange run only with ORANGE_DEMO_WRITES=1.
 */
import { readdirSync, readFileSync } from 'node:fs';

import { prepareN8nEnvironment } from '../test/helpers/environment.ts';

prepareN8nEnvironment('demo');
await import('reflect-metadata');
const { runWorkflow, TestCredentialsHelper } = await import('../test/helpers/engine.ts');
const { startSandbox } = await import('../sandbox/server.ts');
const { sandboxCredentialData } = await import('../sandbox/client.ts');

const real = Boolean(process.env.ORANGE_CLIENT_ID && process.env.ORANGE_CLIENT_SECRET);
const sandbox = real ? undefined : await startSandbox();
const baseUrl = real ? (process.env.ORANGE_BASE_URL ?? 'https://api.orange.com') : sandbox!.url;

const env = (name: string) => process.env[name] ?? '';
const credentialData = real
	? {
			orangeCloudStoreApi: {
				clientId: env('ORANGE_CLIENT_ID'),
				clientSecret: env('ORANGE_CLIENT_SECRET'),
				apiKey: env('ORANGE_API_KEY'),
				baseUrl,
			},
			orangeEligibilityApi: {
				clientId: env('ORANGE_CLIENT_ID'),
				clientSecret: env('ORANGE_CLIENT_SECRET'),
				login: env('ORANGE_LOGIN'),
				siren: env('ORANGE_SIREN'),
				contractNumber: env('ORANGE_CONTRACT_NUMBER'),
				baseUrl,
			},
		}
	: sandboxCredentialData(baseUrl);
// The ids the example workflows name their credentials by.
const credentials = new TestCredentialsHelper();
credentials.store.set('orangeCloudStoreSandbox', {
	...credentialData.orangeCloudStoreApi,
	accessToken: '',
});
credentials.store.set('orangeEligibilitySandbox', {
	...credentialData.orangeEligibilityApi,
	accessToken: '',
});

const SHOWN = [
	'id',
	'name',
	'filename',
	'fileName',
	'documentType',
	'period',
	'mimeType',
	'fileSize',
	'login',
	'nd',
	'eligible',
	'error',
];
const line = (json: Record<string, unknown>) =>
	SHOWN.filter((key) => json[key] !== undefined && json[key] !== '')
		.map(
			(key) =>
				`${key}=${typeof json[key] === 'object' ? JSON.stringify(json[key]) : String(json[key])}`,
		)
		.join('  ');

const folder = new URL('../examples/', import.meta.url);
let failures = 0;
console.log(`Orange ${real ? `API at ${baseUrl}` : `sandbox at ${baseUrl}`}\n`);
for (const file of readdirSync(folder)
	.filter((f) => f.endsWith('.workflow.json'))
	.sort()) {
	let text = readFileSync(new URL(file, folder), 'utf8');
	if (real && process.env.ORANGE_CONTRACT_ID)
		text = text.replaceAll('OCB0001234', process.env.ORANGE_CONTRACT_ID);
	const workflow = JSON.parse(text);
	const writes = /"operation":\s*"(create|add)"/.test(text);
	console.log(`■ ${workflow.name}  (${file})`);
	if (real && writes && process.env.ORANGE_DEMO_WRITES !== '1') {
		console.log('  skipped: it creates things in Orange (set ORANGE_DEMO_WRITES=1 to run it)\n');
		continue;
	}
	const started = Date.now();
	const { output, error } = await runWorkflow(workflow, credentials);
	for (const node of workflow.nodes) {
		const items = output[node.name];
		if (!items || node.type === 'n8n-nodes-base.manualTrigger') continue;
		console.log(`  ${node.name}: ${items.length} item(s)`);
		for (const item of items.slice(0, 6)) {
			const offers = Object.entries(
				(item.json.offers as Record<string, Record<string, unknown>>) ?? {},
			)
				.map(
					([offer, o]) =>
						`${offer}: ${String(o.statusLabel)}${o.nroCode ? ` (${String(o.nroCode)}, ${String(o.pmCode)})` : ''}${o.blom ? ` (${String(o.blom)})` : ''}`,
				)
				.join('; ');
			const label = (item.json.address as Record<string, unknown> | undefined)?.label;
			const binary = Object.entries(item.binary ?? {})
				.map(([field, data]) => `[${field}: ${data.fileName}, ${data.mimeType}, ${data.fileSize}]`)
				.join(' ');
			console.log(`    · ${line(item.json)} ${binary}`.trimEnd());
			if (label) console.log(`      ${String(label)}`);
			if (offers) console.log(`      ${offers}`);
		}
		if (items.length > 6) console.log(`    … ${items.length - 6} more`);
	}
	if (error) {
		failures++;
		console.log(
			`  ✗ ${error.message}${error.description ? `\n    ${String(error.description).split('\n')[0]}` : ''}`,
		);
	}
	console.log(`  ${error ? 'failed' : 'done'} in ${Date.now() - started} ms\n`);
}
if (sandbox) {
	console.log(
		`Sandbox: ${sandbox.tokenRequests} token request(s) (one per credential), ${sandbox.requests.length - sandbox.tokenRequests} API call(s).`,
	);
	await sandbox.stop();
}
process.exit(failures ? 1 : 0);
