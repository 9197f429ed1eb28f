import { createRequire } from 'node:module';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { runForEachItem } =
	require('../../../dist/nodes/shared/items.js') as typeof import('../../../nodes/shared/items');

/** A node run over `count` input items, as much of n8n's context as the loop uses. */
function context(count: number, continueOnFail = false): IExecuteFunctions {
	return {
		getInputData: () => Array.from({ length: count }, (_, i) => ({ json: { i } })),
		getNode: () => ({ name: 'Orange', type: 'orange', parameters: {} }),
		continueOnFail: () => continueOnFail,
		helpers: {
			returnJsonArray: (json: IDataObject | IDataObject[]) =>
				(Array.isArray(json) ? json : [json]).map((item) => ({ json: item })),
			constructExecutionMetaData: (
				items: INodeExecutionData[],
				{ itemData }: { itemData: { item: number } },
			) => items.map((item) => ({ ...item, pairedItem: itemData })),
		},
	} as unknown as IExecuteFunctions;
}

/** An operation whose items answer out of order; records starts and the most in flight at once. */
function operation(fail?: number) {
	const started: number[] = [];
	let inFlight = 0;
	let mostInFlight = 0;
	const run = async (itemIndex: number) => {
		started.push(itemIndex);
		mostInFlight = Math.max(mostInFlight, ++inFlight);
		// Later items answer first within each group of three.
		await new Promise((resolve) => setTimeout(resolve, 1 + (2 - (itemIndex % 3)) * 2));
		inFlight--;
		if (itemIndex === fail) throw new Error(`item ${itemIndex} failed`);
		return { answer: itemIndex };
	};
	return {
		run,
		started,
		get mostInFlight() {
			return mostInFlight;
		},
	};
}

describe('runForEachItem', () => {
	it('keeps the input order and fills the parallel requests without exceeding them', async () => {
		const op = operation();
		const output = await runForEachItem.call(context(20), op.run, { concurrency: 4 });
		expect(output.map((item) => item.json.answer)).toEqual(Array.from({ length: 20 }, (_, i) => i));
		expect(output.map((item) => item.pairedItem)).toEqual(
			Array.from({ length: 20 }, (_, i) => ({ item: i })),
		);
		expect(op.mostInFlight).toBe(4);
		expect(op.started).toEqual([...op.started].sort((a, b) => a - b));
	});

	it('starts one item in the turn it is called, the others in later turns (staggered)', async () => {
		const op = operation();
		const running = runForEachItem.call(context(8), op.run, { concurrency: 8 });
		expect(op.started).toEqual([0]);
		await running;
		expect(op.started).toHaveLength(8);
		expect(op.mostInFlight).toBeGreaterThan(1);
	});

	it('runs one at a time by default', async () => {
		const op = operation();
		await runForEachItem.call(context(5), op.run);
		expect(op.mostInFlight).toBe(1);
		expect(op.started).toEqual([0, 1, 2, 3, 4]);
	});

	it('stops at the first failure: no item starts after it, and the run fails with it', async () => {
		const op = operation(2);
		await expect(runForEachItem.call(context(30), op.run, { concurrency: 3 })).rejects.toThrow(
			'item 2 failed',
		);
		const startedBefore = op.started.length;
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(op.started.length).toBe(startedBefore);
		expect(startedBefore).toBeLessThan(30);
	});

	it('with Continue On Fail, answers the failed item as an error item in its place', async () => {
		const op = operation(1);
		const output = await runForEachItem.call(context(4, true), op.run, { concurrency: 2 });
		expect(output.map((item) => item.json)).toEqual([
			{ answer: 0 },
			{ error: 'item 1 failed' },
			{ answer: 2 },
			{ answer: 3 },
		]);
	});
});
