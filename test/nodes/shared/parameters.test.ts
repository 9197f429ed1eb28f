import { createRequire } from 'node:module';
import type { IExecuteFunctions } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { holdsExpression, itemParameter } =
	require('../../../dist/nodes/shared/parameters.js') as typeof import('../../../nodes/shared/parameters');

/** A node run whose parameters resolve to `value(name, itemIndex)`, counting the reads. */
function run(parameters: Record<string, unknown>) {
	const reads: string[] = [];
	const context = {
		getNode: () => ({ parameters }),
		getNodeParameter: (name: string, itemIndex: number) => {
			reads.push(`${name}#${itemIndex}`);
			return { name, itemIndex };
		},
	} as unknown as IExecuteFunctions;
	return { context, reads };
}

describe('itemParameter', () => {
	it('finds expressions at any depth of a raw parameter', () => {
		expect(holdsExpression('={{ $json.nd }}')).toBe(true);
		expect(holdsExpression({ timeout: 30, nested: ['a', '={{ 1 }}'] })).toBe(true);
		expect(holdsExpression(['optimumAccess', 'optimumPm'])).toBe(false);
		expect(holdsExpression({ timeout: 30 })).toBe(false);
		expect(holdsExpression(undefined)).toBe(false);
	});

	it('reads a parameter without expression once per run, one with an expression per item', () => {
		const { context, reads } = run({ simplify: true, nd: '={{ $json.nd }}' });
		for (let item = 0; item < 3; item++) {
			expect(itemParameter(context, 'simplify', item, true)).toEqual({
				name: 'simplify',
				itemIndex: 0,
			});
			expect(itemParameter(context, 'nd', item, '')).toEqual({ name: 'nd', itemIndex: item });
		}
		expect(reads).toEqual(['simplify#0', 'nd#0', 'nd#1', 'nd#2']);
		// Another run reads it again.
		const next = run({ simplify: true });
		itemParameter(next.context, 'simplify', 5, true);
		expect(next.reads).toEqual(['simplify#5']);
	});

	it('keeps one parsed value per parse, and does not keep a parse that threw', () => {
		const { context, reads } = run({ options: { timeout: 5 } });
		const names = (value: unknown) => (value as { name: string }).name;
		const items = (value: unknown) => (value as { itemIndex: number }).itemIndex;
		expect(itemParameter(context, 'options', 0, {}, names)).toBe('options');
		expect(itemParameter(context, 'options', 1, {}, items)).toBe(1);
		expect(itemParameter(context, 'options', 2, {}, items)).toBe(1);
		const refuse = () => {
			throw new Error('invalid');
		};
		expect(() => itemParameter(context, 'options', 3, {}, refuse)).toThrow('invalid');
		expect(() => itemParameter(context, 'options', 4, {}, refuse)).toThrow('invalid');
		expect(reads).toEqual(['options#0', 'options#1', 'options#3', 'options#4']);
	});
});
