/**
 * What every benchmark shares: the sandbox in its own process (so its work is not counted as
 * the client's), medians, the machine line, a bounded pool.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpus, totalmem, release } from 'node:os';

import { sandboxStats } from '../sandbox/client.ts';

export interface SandboxProcess {
	url: string;
	stats(): Promise<{ tokenRequests: number; requests: number }>;
	reset(): Promise<void>;
	post(path: string, body: unknown): Promise<unknown>;
	stop(): void;
}

/** Starts `sandbox/cli.ts` with the given flags and waits for its address. */
export async function startSandboxProcess(flags: string[] = []): Promise<SandboxProcess> {
	const child: ChildProcess = spawn(process.execPath, ['sandbox/cli.ts', '--port', '0', ...flags], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const url = await new Promise<string>((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
		child.stdout!.on('data', (chunk: Buffer) => {
			const match = /Orange sandbox on (\S+)/.exec(chunk.toString());
			if (match) resolve(match[1]);
		});
	});
	const post = async (path: string, body: unknown = {}) =>
		await (
			await fetch(`${url}${path}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
			})
		).json();
	return {
		url,
		stats: () => sandboxStats(url),
		reset: async () => {
			await post('/__sandbox/reset');
		},
		post,
		stop: () => {
			child.removeAllListeners('exit');
			child.kill();
		},
	};
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs `measure` `runs` times and keeps the median of each figure. */
export async function medianOf<T extends Record<string, number>>(
	runs: number,
	measure: () => Promise<T>,
): Promise<T> {
	const results: T[] = [];
	for (let run = 0; run < runs; run++) results.push(await measure());
	return Object.fromEntries(
		Object.keys(results[0]).map((key) => [key, median(results.map((r) => r[key]))]),
	) as T;
}

export function machineLine(): string {
	const cpu = cpus();
	return `${cpu[0]?.model.trim() ?? 'unknown CPU'} × ${cpu.length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.version}`;
}

/** Runs `worker(index)` for 0…count-1 with at most `concurrency` at once. */
export async function pool(
	count: number,
	concurrency: number,
	worker: (index: number) => Promise<void>,
): Promise<void> {
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(concurrency, count) }, async () => {
			while (next < count) await worker(next++);
		}),
	);
}
