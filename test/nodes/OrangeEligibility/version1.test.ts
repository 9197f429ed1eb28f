/**
 * Version 1 of the Orange Eligibility node keeps its output: every case of
 * `fixtures/version1.cases.json` runs as a workflow saved with version 1 would, and its output must
 * equal the one recorded before version 2 existed (`__snapshots__/version1.outputs.json`). Error
 * items are compared by shape (their wording may improve; their request ids vary), answers exactly
 * (but for the sandbox's random answer id).
 */
import { createRequire } from 'node:module';
import type { INodeExecutionData } from 'n8n-workflow';
import { expect, it } from 'vitest';

import { runCheck } from '../../helpers/eligibility.ts';
import { useSandbox } from '../../helpers/sandbox.ts';

interface Case {
	name: string;
	operation: string;
	parameters: Record<string, unknown>;
	items?: Record<string, unknown>[];
	continueOnFail?: boolean;
}

const cases = createRequire(import.meta.url)('./fixtures/version1.cases.json') as Case[];
const t = useSandbox();

function comparable(item: INodeExecutionData) {
	const { json, pairedItem } = item;
	// The sandbox numbers each answer anew ("poq-…"): not part of what the node gives.
	if (typeof json.id === 'string' && json.id.startsWith('poq-'))
		return { json: { ...json, id: 'poq-…' }, pairedItem };
	if (typeof json.error !== 'string') return { json, pairedItem };
	return { errorItem: true, httpCode: json.httpCode ?? null, pairedItem };
}

it('gives, for workflows saved with version 1, the output version 1 gave before version 2', async () => {
	const outputs: Record<string, unknown> = {};
	for (const { name, operation, parameters, items, continueOnFail } of cases) {
		const run = await runCheck(t, operation, parameters, { items, continueOnFail, typeVersion: 1 });
		outputs[name] = run.error ? { failed: run.error.message } : run.items.map(comparable);
	}
	await expect(`${JSON.stringify(outputs, null, '\t')}\n`).toMatchFileSnapshot(
		'./__snapshots__/version1.outputs.json',
	);
});
