/**
 * `npm run demo`: starts the Orange sandbox and runs every example workflow of examples/ through
 * n8n's engine (n8n-core), with n8n's own nodes where the examples chain them (n8n-nodes-base,
 * installed once into ~/.cache on the first run), printing what each one did. Files the examples
 * write land in a temporary folder, printed; a webhook example runs on its pinned sample request.
 *
 * With real Orange credentials in the environment, the same workflows run against Orange:
 *   ORANGE_CLIENT_ID, ORANGE_CLIENT_SECRET, ORANGE_API_KEY (Cloud Store), ORANGE_CONTRACT_ID
 *   (a contract of yours, replacing the sandbox's OCB0001234), ORANGE_BASE_URL, ORANGE_ELIGIBILITY_PATH and
 *   ORANGE_SCOPE (optional).
 * Workflows that create anything in Orange run only with ORANGE_DEMO_WRITES=1.
 */
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { prepareN8nEnvironment } from '../test/helpers/environment.ts';
import { readWorkflow } from './n8n.ts';

prepareN8nEnvironment('demo');
const filesFolder = mkdtempSync(join(tmpdir(), 'n8n-orange-demo-files-'));
// n8n writes files only inside the folders this allows.
process.env.N8N_RESTRICT_FILE_ACCESS_TO = filesFolder;
await import('reflect-metadata');
const { addNodeTypes, runWorkflow, TestCredentialsHelper } = await import(
	'../test/helpers/engine.ts'
);
const { loadNodesBase, NODES_BASE_PREFIX } = await import('../test/helpers/nodesBase.ts');
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
				scope: env('ORANGE_SCOPE'),
			},
			orangeEligibilityApi: {
				clientId: env('ORANGE_CLIENT_ID'),
				clientSecret: env('ORANGE_CLIENT_SECRET'),
				login: env('ORANGE_LOGIN'),
				siren: env('ORANGE_SIREN'),
				contractNumber: env('ORANGE_CONTRACT_NUMBER'),
				baseUrl,
				// Empty: the default path; set it from your API reference when it differs.
				eligibilityPath: env('ORANGE_ELIGIBILITY_PATH'),
				scope: env('ORANGE_SCOPE'),
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
	'role',
	'leadId',
	'nd',
	'found',
	'eligible',
	'addressLabel',
	'optimumAccessStatusLabel',
	'message',
	'error',
];
const line = (json: Record<string, unknown>) => {
	const shown = SHOWN.filter((key) => json[key] !== undefined && json[key] !== null && json[key] !== '');
	if (shown.length === 0)
		return Object.entries(json)
			.map(([key, value]) => (Array.isArray(value) ? `${key}=[${value.length} items]` : key))
			.join('  ');
	return shown
		.map(
			(key) =>
				`${key}=${typeof json[key] === 'object' ? JSON.stringify(json[key]) : String(json[key])}`,
		)
		.join('  ');
};

/** The AI nodes (n8n's LangChain package) a workflow uses: the demo runs n8n-core and n8n-nodes-base only. */
function aiNodeTypes(workflow: { nodes: { type: string }[] }): string[] {
	const prefix = '@n8n/n8n-nodes-langchain.';
	const types = workflow.nodes.map((node) => node.type).filter((type) => type.startsWith(prefix));
	return [...new Set(types.map((type) => type.slice(prefix.length)))];
}

const folder = join(import.meta.dirname, '..', 'examples');
const files = readdirSync(folder)
	.filter((f) => f.endsWith('.workflow.json'))
	.sort();
const texts = files.map((file) => readWorkflow(join(folder, file), filesFolder));
const nodesBase = new Set(
	texts.flatMap((text) =>
		(JSON.parse(text) as { nodes: { type: string }[] }).nodes
			.map((node) => node.type)
			.filter((type) => type.startsWith(NODES_BASE_PREFIX))
			.map((type) => type.slice(NODES_BASE_PREFIX.length)),
	),
);
addNodeTypes(loadNodesBase([...nodesBase]));

let failures = 0;
console.log(
	`Orange ${real ? `API at ${baseUrl}` : `sandbox at ${baseUrl}`}; files to ${filesFolder}\n`,
);
for (const [index, file] of files.entries()) {
	let text = texts[index];
	if (real && process.env.ORANGE_CONTRACT_ID)
		text = text.replaceAll('OCB0001234', process.env.ORANGE_CONTRACT_ID);
	const workflow = JSON.parse(text);
	const writes = /"operation":\s*"(create|add)"/.test(text);
	console.log(`■ ${workflow.name}  (${file})`);
	const aiNodes = aiNodeTypes(workflow);
	if (aiNodes.length > 0) {
		console.log(
			`  skipped: it needs n8n's AI nodes (${aiNodes.join(', ')}), which n8n's engine alone does not have: import it into n8n (the end-to-end suite runs it there, with a fake model)\n`,
		);
		continue;
	}
	if (real && writes && process.env.ORANGE_DEMO_WRITES !== '1') {
		console.log('  skipped: it creates things in Orange (set ORANGE_DEMO_WRITES=1 to run it)\n');
		continue;
	}
	const started = Date.now();
	const { output, outputs, error, webhookResponse } = await runWorkflow(workflow, credentials);
	for (const node of workflow.nodes) {
		const items = output[node.name];
		if (!items || node.type === 'n8n-nodes-base.manualTrigger') continue;
		if (node.type === 'n8n-nodes-base.webhook') {
			console.log(`  ${node.name}: its sample request, ${JSON.stringify(items[0]?.json.body)}`);
			continue;
		}
		if (node.type === 'n8n-nodes-base.if') {
			const [yes, no] = outputs[node.name];
			console.log(`  ${node.name}: true ${yes?.length ?? 0} item(s), false ${no?.length ?? 0}`);
			continue;
		}
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
			if (node.type === 'n8n-nodes-base.readWriteFile')
				console.log(
					`      wrote ${String(item.json.fileName)}: ${statSync(String(item.json.fileName)).size} bytes`,
				);
			if (label) console.log(`      ${String(label)}`);
			if (offers) console.log(`      ${offers}`);
		}
		if (items.length > 6) console.log(`    … ${items.length - 6} more`);
	}
	if (webhookResponse !== undefined)
		console.log(
			`  answered the webhook with ${JSON.stringify((webhookResponse as { body?: unknown }).body ?? webhookResponse)}`,
		);
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
