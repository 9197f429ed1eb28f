/**
 * A large document downloaded by the Cloud Store node (n8n's filesystem binary-data mode) and by a
 * plain stream to disk, each in a fresh process, alternately: peak memory growth and wall time.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

import { generatedFile } from '../sandbox/files.ts';
import { median, startSandboxProcess } from './harness.ts';

const MODES = ['node', 'plain', 'plainInN8n'] as const;
type Mode = (typeof MODES)[number];

interface DownloadRun {
	wallMs: number;
	rssGrowth: number;
	hash: string;
	bytes: number;
}

export async function largeDownload(sizeBytes: number, runs: number) {
	const sandbox = await startSandboxProcess();
	try {
		const contractId = 'OCB0001234';
		const document = (await sandbox.post('/__sandbox/documents', {
			contractId,
			period: '202611',
			documentType: 'comsumptionRatedReports',
			sizeBytes,
		})) as { id: string };
		// A 1 MB document of the same contract for each process's warm-up.
		const warmUp = (await sandbox.post('/__sandbox/documents', {
			contractId,
			period: '202610',
			documentType: 'comsumptionRatedReports',
			sizeBytes: 1e6,
		})) as { id: string };
		const expected = createHash('sha256');
		for await (const chunk of generatedFile(sizeBytes)) expected.update(chunk as Buffer);
		const expectedHash = expected.digest('hex');
		const results: Record<Mode, DownloadRun[]> = { node: [], plain: [], plainInN8n: [] };
		for (let run = 0; run < runs; run++) {
			for (const mode of MODES) {
				const output = execFileSync(
					process.execPath,
					['bench/downloadChild.ts', mode, sandbox.url, document.id, contractId, warmUp.id],
					{ encoding: 'utf8', maxBuffer: 1 << 20 },
				);
				const result = JSON.parse(output.trim().split('\n').pop()!) as DownloadRun;
				if (result.hash !== expectedHash || result.bytes !== sizeBytes)
					throw new Error(`${mode}: the file differs from the sandbox's (${result.bytes} bytes)`);
				results[mode].push(result);
			}
		}
		const figures = (mode: Mode) => ({
			wallMs: median(results[mode].map((r) => r.wallMs)),
			rssGrowth: median(results[mode].map((r) => r.rssGrowth)),
			maxRssGrowth: Math.max(...results[mode].map((r) => r.rssGrowth)),
		});
		return { node: figures('node'), plain: figures('plain'), plainInN8n: figures('plainInN8n') };
	} finally {
		sandbox.stop();
	}
}
