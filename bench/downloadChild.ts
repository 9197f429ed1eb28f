/**
 * One large download in a process of its own, so that its peak memory is its own:
 * `node bench/downloadChild.ts <node|plain|plainInN8n> <sandbox url> <document id> <contract id>
 * <warm-up document id>`: a small download first, so that loading code is not counted.
 * `node`: the Cloud Store node's Download operation in n8n's engine, binary data in n8n's
 * filesystem mode (n8n's default). `plain`: fetch piped to a file. Prints one JSON line.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { SANDBOX_API_KEY } from '../sandbox/data.ts';
import { prepareN8nEnvironment } from '../test/helpers/environment.ts';
import { sandboxToken } from '../sandbox/client.ts';

const [mode, url, documentId, contractId, warmUpDocumentId] = process.argv.slice(2);
prepareN8nEnvironment('bench-download');
await import('reflect-metadata');

const status = (field: string) =>
	Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync('/proc/self/status', 'utf8'))![1]) *
	1024;
/** Forgets the peak so far (Linux: writing 5 to clear_refs resets VmHWM to the current RSS). */
function resetPeak(): number {
	writeFileSync('/proc/self/clear_refs', '5');
	return status('VmRSS');
}

async function sha256(stream: NodeJS.ReadableStream): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of stream) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

let wallMs: number;
let rssBefore: number;
let peak: number;
let hash: string;
let bytes: number;

if (mode === 'plain' || mode === 'plainInN8n') {
	// The same plain stream in a process that holds n8n's engine, as the node's process does.
	if (mode === 'plainInN8n') await import('../test/helpers/engine.ts');
	const token = await sandboxToken(url);
	const file = join(process.env.N8N_USER_FOLDER!, 'plain.bin');
	const download = async (id: string) => {
		const answer = await fetch(`${url}/cloud/b2b/v1/documents/${id}/file`, {
			headers: {
				Authorization: `Bearer ${token}`,
				'X-API-Key': SANDBOX_API_KEY,
				'X-ECCS-Contract-Id': contractId,
			},
		});
		await pipeline(Readable.fromWeb(answer.body as never), createWriteStream(file));
		return answer;
	};
	await download(warmUpDocumentId);
	rssBefore = resetPeak();
	const started = performance.now();
	const response = await download(documentId);
	wallMs = performance.now() - started;
	peak = status('VmHWM');
	hash = await sha256(createReadStream(file));
	bytes = Number(response.headers.get('content-length'));
} else {
	const { runNode, TestCredentialsHelper } = await import('../test/helpers/engine.ts');
	const { CLOUD, storeSandboxCredentials } = await import('../test/helpers/sandbox.ts');
	const { holdToken } = await import('../test/helpers/credentials.ts');
	const require = createRequire(import.meta.resolve('n8n-core'));
	const { Container } = require('@n8n/di') as typeof import('@n8n/di');
	const { BinaryDataService } = require('n8n-core') as typeof import('n8n-core');
	const binaryData = Container.get(BinaryDataService);
	await binaryData.init();
	const credentials = new TestCredentialsHelper();
	storeSandboxCredentials(credentials, url);
	await holdToken(credentials, 'orangeCloudStoreApi', CLOUD);
	const download = async (id: string) =>
		await runNode(
			{
				type: 'orangeCloudStore',
				parameters: {
					resource: 'document',
					operation: 'download',
					contractId: { __rl: true, mode: 'id', value: contractId },
					documentId: { __rl: true, mode: 'id', value: id },
				},
				credentials: { orangeCloudStoreApi: CLOUD },
			},
			credentials,
		);
	await download(warmUpDocumentId);
	rssBefore = resetPeak();
	const started = performance.now();
	const { items, error } = await download(documentId);
	wallMs = performance.now() - started;
	peak = status('VmHWM');
	if (error) throw new Error(error.message);
	const binary = items[0].binary!.data;
	if (!binary.id) throw new Error('the file was kept in memory, not in the filesystem store');
	hash = await sha256(await binaryData.getAsStream(binary.id));
	bytes = Number(binary.bytes);
}
console.log(JSON.stringify({ wallMs, rssGrowth: peak - rssBefore, hash, bytes }));
process.exit(0);
