/**
 * A field mapped by `{{ $json.field }}` is read from the item by the node itself (no expression
 * evaluated per item): what is sent and what comes out must be what n8n's own evaluation of the
 * same expression gives — checked against an expression n8n evaluates (`{{ ($json.field) }}`).
 */
import { describe, expect, it } from 'vitest';

import { runCheck, sentChecks } from '../../../../helpers/eligibility.ts';
import { useSandbox } from '../../../../helpers/sandbox.ts';

const t = useSandbox();

const ITEMS = [
	{ lead: { nd: '01 42 00 00 01' } },
	{ lead: { nd: 472000002 } },
	{ lead: { nd: '0145000007' } },
	{ lead: { nd: null } },
	{ lead: {} },
	{ lead: { nd: { number: '0142000001' } } },
	{ lead: { nd: true } },
	{},
];

async function checkAll(nd: string) {
	const before = sentChecks(t).length;
	const { items, error } = await runCheck(
		t,
		'checkByNd',
		{ nd },
		{ items: ITEMS, continueOnFail: true },
	);
	return {
		error,
		// Orange's request ID differs from one run to the other.
		items: JSON.parse(
			JSON.stringify(
				items.map((item) => ({ json: item.json, pairedItem: item.pairedItem })),
			).replace(/sbx-[0-9a-f]+/g, 'sbx-…'),
		) as unknown,
		sent: sentChecks(t)
			.slice(before)
			.map((request) => request.body),
	};
}

describe('eligibility: a field mapped by expression', () => {
	it('gives what n8n’s evaluation gives: the same checks sent, the same items and errors out', async () => {
		const read = await checkAll('={{ $json.lead.nd }}');
		const evaluated = await checkAll('={{ ($json.lead.nd) }}');
		expect(read.error).toBeUndefined();
		expect(read.items).toEqual(evaluated.items);
		expect(read.sent).toEqual(evaluated.sent);
		// Both outcomes are there to compare: answers, and errors naming their item.
		// (a number loses the ND's leading 0 and is refused; 0145000007 is not an active line).
		expect(read.sent).toHaveLength(2);
		expect(
			(read.items as { json: { error?: string } }[]).filter((item) => item.json.error),
		).toHaveLength(ITEMS.length - 1);
	});
});
