/**
 * The fault model the sandbox's state holds and `faults.ts` acts out: which faults a test can ask
 * for, and the seeded draws behind `ratio` faults.
 */
export type FaultKind =
	| 'status'
	| 'rateLimit'
	| 'expireToken'
	| 'slow'
	| 'truncate'
	| 'reset'
	| 'html'
	| 'redirect';

export interface FaultRule {
	kind: FaultKind;
	/** Only requests whose method and path (prefix, without query) match. Token calls are matched too. */
	method?: string;
	path?: string;
	/** Fire on at most this many matching requests (default: 1). */
	times?: number;
	/** Fire on every Nth matching request only. */
	every?: number;
	/** Fire on this share of matching requests (0–1), drawn from a seeded generator: replayable. */
	ratio?: number;
	status?: number;
	body?: unknown;
	retryAfter?: number;
	delayMs?: number;
}

export type ActiveFault = FaultRule & { fired: number; seen: number };

/** mulberry32: a small seeded generator, so that a run with random faults can be replayed. */
export function seeded(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let x = Math.imul(state ^ (state >>> 15), 1 | state);
		x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
		return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
	};
}
