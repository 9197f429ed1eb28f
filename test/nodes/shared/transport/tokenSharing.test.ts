import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { TokenSharing } =
	require('../../../../dist/nodes/shared/transport/tokenSharing.js') as typeof import('../../../../nodes/shared/transport/tokenSharing');

/** A promise settled from outside. */
function deferred() {
	let resolve!: () => void;
	let reject!: (error: Error) => void;
	const promise = new Promise<void>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

async function settled(promise: Promise<unknown>): Promise<boolean> {
	let done = false;
	void promise.then(
		() => (done = true),
		() => (done = true),
	);
	for (let i = 0; i < 5; i++) await Promise.resolve();
	return done;
}

type Sharing = InstanceType<typeof TokenSharing<string>>;

/** Waits as the transport does before a call, then answers the generation the call carries. */
async function ready(sharing: Sharing): Promise<number> {
	await sharing.wait();
	return sharing.generation;
}

describe('TokenSharing', () => {
	it('while cold, holds back a call started right after the first, with nothing awaited between', () => {
		const sharing = new TokenSharing<string>();
		expect(sharing.wait()).toBeUndefined();
		void sharing.track(deferred().promise);
		expect(sharing.wait()).toBeInstanceOf(Promise);
	});

	it('while cold, lets the first call go alone and the others after it ends', async () => {
		const sharing = new TokenSharing<string>();
		expect(await ready(sharing)).toBe(0);
		const first = deferred();
		void sharing.track(first.promise);
		const second = ready(sharing);
		expect(await settled(second)).toBe(false);
		first.resolve();
		expect(await settled(second)).toBe(true);
		// Warm now: a later call is not held back by a new pending call.
		void sharing.track(deferred().promise);
		expect(await settled(ready(sharing))).toBe(true);
	});

	it('lets the others go when the first call fails too', async () => {
		const sharing = new TokenSharing<string>();
		const first = deferred();
		sharing.track(first.promise).catch(() => undefined);
		const second = ready(sharing);
		first.reject(new Error('refused'));
		expect(await settled(second)).toBe(true);
	});

	it('with a token held from an earlier run, sends every call at once', async () => {
		const sharing = new TokenSharing<string>();
		sharing.markWarm();
		void sharing.track(deferred().promise);
		expect(await settled(ready(sharing))).toBe(true);
	});

	it('refreshes once: one call refreshes, the others wait and carry the new generation', async () => {
		const sharing = new TokenSharing<string>();
		sharing.markWarm();
		const generation = await ready(sharing);
		const end = sharing.beginRefresh(generation);
		expect(end).toBeTypeOf('function');
		// A second 401 of the same token while refreshing: resend, do not refresh again.
		expect(sharing.beginRefresh(generation)).toBeUndefined();
		const waiting = ready(sharing);
		expect(await settled(waiting)).toBe(false);
		end!();
		expect(await waiting).toBe(generation + 1);
	});

	it('does not refresh for a 401 to a token that has been replaced since', async () => {
		const sharing = new TokenSharing<string>();
		sharing.markWarm();
		const stale = await ready(sharing);
		sharing.beginRefresh(stale)!();
		expect(sharing.beginRefresh(stale)).toBeUndefined();
		const current = await ready(sharing);
		expect(sharing.beginRefresh(current)).toBeTypeOf('function');
	});

	it('remembers a refused token request', () => {
		const sharing = new TokenSharing<string>();
		expect(sharing.refusal).toBeUndefined();
		sharing.refuse('wrong secret');
		expect(sharing.refusal).toBe('wrong secret');
	});
});
