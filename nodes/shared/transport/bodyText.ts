import type { Readable } from './types';

const MAX_ERROR_BODY_BYTES = 64 * 1024;

function isStream(body: unknown): body is Readable {
	return (
		typeof (body as Readable).on === 'function' && typeof (body as Readable).read === 'function'
	);
}

/** The first 64 KiB of a stream, then the stream is closed; a body cut off midway says what it could. */
async function readStreamStart(body: Readable): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of body) {
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
			chunks.push(buffer);
			size += buffer.length;
			if (size >= MAX_ERROR_BODY_BYTES) break;
		}
	} catch {
		// A body cut off midway still tells what it could.
	}
	body.destroy();
	return Buffer.concat(chunks).toString('utf8');
}

/** An error answer's body as text, whatever form the HTTP client gave it in. */
export async function readBodyText(body: unknown): Promise<string | undefined> {
	if (body === undefined || body === null) return undefined;
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	if (isStream(body)) return await readStreamStart(body);
	if (typeof body === 'object') return JSON.stringify(body);
	return String(body);
}
