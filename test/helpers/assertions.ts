import { createHash } from 'node:crypto';
import type { INodeExecutionData } from 'n8n-workflow';

export function sha256(bytes: Uint8Array | Buffer): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** The bytes of a binary output field (kept in memory by n8n-core when no binary store is set up). */
export function binaryBytes(item: INodeExecutionData, field = 'data'): Buffer {
	const binary = item.binary?.[field];
	if (!binary) throw new Error(`No binary field ${field}`);
	return Buffer.from(binary.data, 'base64');
}

/** Every string of a value, deep: for scanning outputs and errors for secrets. */
export function textOf(value: unknown): string {
	const seen = new Set<unknown>();
	const walk = (v: unknown): string => {
		if (v === null || v === undefined) return '';
		if (typeof v !== 'object') return String(v);
		if (seen.has(v)) return '';
		seen.add(v);
		const own = Object.getOwnPropertyNames(v).map(
			(key) => `${key}:${walk((v as Record<string, unknown>)[key])}`,
		);
		return own.join('\n');
	};
	return walk(value);
}
