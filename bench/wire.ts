/**
 * The eligibility request the benchmarks' other lanes (HTTP Request node, n8n's HTTP client, plain
 * fetch) send: the very body the node sends, built by the package's own wire format (compiled, in
 * dist/), so that every lane asks the same of the sandbox whatever the wire's version.
 */
import { createRequire } from 'node:module';

import { SANDBOX_REQUESTER } from '../sandbox/data.ts';

const wire = createRequire(import.meta.url)(
	'../dist/nodes/OrangeEligibility/helpers/wireFormat.js',
) as typeof import('../nodes/OrangeEligibility/helpers/wireFormat');

/** The check's path under the sandbox's URL (the credential's default). */
export const CHECK_PATH = wire.DEFAULT_ELIGIBILITY_PATH;

type Place = Parameters<typeof wire.eligibilityRequestBody>[2];

/** The JSON body of a check of every offer at `place`. */
export function checkBody(place: Place): string {
	return JSON.stringify(wire.eligibilityRequestBody(SANDBOX_REQUESTER, wire.OFFER_KEYS, place));
}

/**
 * The same body as one n8n expression for the HTTP Request node: `fields` maps each field of the
 * place to the expression that gives it for an item (`$json.nd`).
 */
export function checkBodyExpression(place: Place, fields: Record<string, string>): string {
	// Braces as JavaScript escapes: a "}}" in the text would end n8n's {{ }} early.
	let template = JSON.stringify(checkBody(place))
		.replaceAll('{', '\\u007b')
		.replaceAll('}', '\\u007d');
	for (const [field, expression] of Object.entries(fields))
		template = template.replace(`__${field}__`, `" + ${expression} + "`);
	return `={{ ${template} }}`;
}
