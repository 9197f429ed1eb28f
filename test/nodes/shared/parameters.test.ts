import { createRequire } from 'node:module';
import type { IExecuteFunctions } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { holdsExpression, inputFieldPath, itemParameter } =
	require('../../../dist/nodes/shared/parameters.js') as typeof import('../../../nodes/shared/parameters');

/** A node run whose parameters resolve to `value(name, itemIndex)`, counting the reads. */
function run(parameters: Record<string, unknown>, input: Record<string, unknown>[] = []) {
	const reads: string[] = [];
	const context = {
		getNode: () => ({ parameters }),
		getInputData: () => input.map((json) => ({ json })),
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

describe('a parameter that only names a field of the input item', () => {
	it.each([
		['={{ $json.nd }}', ['nd']],
		['={{$json.nd}}', ['nd']],
		['={{ $json.lead.nd }}', ['lead', 'nd']],
		['={{ $json["N° de ligne"] }}', ['N° de ligne']],
		["={{ $json['lead'].nd }}", ['lead', 'nd']],
		['={{ $json.nd_2 }}', ['nd_2']],
	])('%s names %j', (raw, path) => {
		expect(inputFieldPath(raw)).toEqual(path);
	});

	it.each([
		['={{ $json.nd.trim() }}'],
		['={{ ($json.nd) }}'],
		['={{ $json.nd }} '],
		['=0{{ $json.nd }}'],
		['={{ $json.nd }}{{ $json.x }}'],
		['={{ $json }}'],
		['={{ $json[0] }}'],
		["={{ $('Lead').item.json.nd }}"],
		['{{ $json.nd }}'],
		[42],
	])('%j is left to n8n', (raw) => {
		expect(inputFieldPath(raw)).toBeUndefined();
	});

	it("is the item's field, without asking n8n, when it is a string, a number or a boolean", () => {
		const { context, reads } = run({ nd: '={{ $json.lead.nd }}' }, [
			{ lead: { nd: '0142000001' } },
			{ lead: { nd: 142000002 } },
			{ lead: { nd: false } },
		]);
		expect([0, 1, 2].map((i) => itemParameter(context, 'nd', i, ''))).toEqual([
			'0142000001',
			142000002,
			false,
		]);
		expect(reads).toEqual([]);
	});

	it('is left to n8n when the field is missing, null, an object, or not the item’s own', () => {
		const { context, reads } = run({ nd: '={{ $json.nd }}' }, [
			{},
			{ nd: null },
			{ nd: { number: '0142000001' } },
			Object.create({ nd: 'inherited' }) as Record<string, unknown>,
			{ nd: '0142000001' },
		]);
		for (let item = 0; item < 5; item++) itemParameter(context, 'nd', item, '');
		expect(reads).toEqual(['nd#0', 'nd#1', 'nd#2', 'nd#3']);
	});
});
