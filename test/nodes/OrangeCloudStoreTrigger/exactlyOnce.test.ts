import { describe, expect, it } from 'vitest';

import type { FaultRule } from '../../../sandbox/server.ts';
import { useSandbox } from '../../helpers/sandbox.ts';
import { persisted, poll, triggerWorkflow } from '../../helpers/trigger.ts';

const t = useSandbox({ maxPageSize: 4 });

/** Small deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
		return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
	};
}

const FAULTS: FaultRule[] = [
	{ kind: 'rateLimit', path: '/cloud/b2b/v1/documents', retryAfter: 0, times: 2 },
	{ kind: 'status', status: 503, retryAfter: 0, path: '/cloud/b2b/v1/documents', times: 1 },
	{ kind: 'expireToken', path: '/cloud/b2b/v1/documents', times: 1 },
	{ kind: 'status', status: 400, path: '/cloud/b2b/v1/documents', every: 2, times: 1 },
	{ kind: 'truncate', path: '/cloud/b2b/v1/contracts', times: 1 },
	{ kind: 'html', status: 502, path: '/cloud/b2b/v1/contracts', times: 1 },
];

describe('exactly once, under faults and restarts', () => {
	it('emits every added document once, none twice, none missed', async () => {
		const next = random(20261123);
		const contracts = t.sandbox.contracts.map((c) => c.id);
		const types = ['invoices', 'bills', 'reports', 'comsumptionRatedReports'];
		let workflow = triggerWorkflow({
			event: 'newDocument',
			contractScope: 'all',
			documentType: 'all',
		});
		await poll(t, workflow);

		const added = new Set<string>();
		const emitted: string[] = [];
		let polls = 1;
		let failedPolls = 0;
		let restarts = 0;
		let faultsInjected = 0;
		const now = Date.now();
		for (let round = 0; round < 40; round++) {
			const count = Math.floor(next() * 5);
			const sameInstant = new Date(now - (40 - round) * 60_000).toISOString();
			for (let i = 0; i < count; i++) {
				// Some share a timestamp, some arrive up to 3 days late.
				const createdAt =
					next() < 0.3 ? new Date(now - next() * 3 * 24 * 3600_000).toISOString() : sameInstant;
				const doc = t.sandbox.addDocument(
					contracts[Math.floor(next() * contracts.length)],
					'202611',
					types[Math.floor(next() * types.length)],
					createdAt,
				);
				added.add(doc.id);
			}
			if (next() < 0.4) t.sandbox.addFault({ ...FAULTS[Math.floor(next() * FAULTS.length)] });
			if (next() < 0.15) {
				workflow = triggerWorkflow(
					{ event: 'newDocument', contractScope: 'all', documentType: 'all' },
					persisted(workflow),
				);
				restarts++;
			}
			polls++;
			try {
				emitted.push(...(await poll(t, workflow)).map((i) => String(i.json.id)));
			} catch {
				failedPolls++;
			}
		}
		t.sandbox.clearFaults();
		polls++;
		emitted.push(...(await poll(t, workflow)).map((i) => String(i.json.id)));
		faultsInjected = t.sandbox.requests.filter((r) => r.fault !== undefined).length;

		const duplicates = emitted.length - new Set(emitted).size;
		const missed = [...added].filter((id) => !emitted.includes(id)).length;
		const unexpected = emitted.filter((id) => !added.has(id)).length;
		console.log(
			[
				'| documents added | polls | failed polls | restarts | faults injected | documents emitted | duplicates | missed |',
				'|---|---|---|---|---|---|---|---|',
				`| ${added.size} | ${polls} | ${failedPolls} | ${restarts} | ${faultsInjected} | ${emitted.length} | ${duplicates} | ${missed} |`,
			].join('\n'),
		);
		expect(added.size).toBeGreaterThan(50);
		expect(faultsInjected).toBeGreaterThan(5);
		expect(duplicates).toBe(0);
		expect(missed).toBe(0);
		expect(unexpected).toBe(0);
	}, 120_000);
});
