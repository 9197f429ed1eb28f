import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const transport =
	require('../../../../dist/nodes/shared/transport/index.js') as typeof import('../../../../nodes/shared/transport');

describe('transport helpers', () => {
	it.each([
		['attachment; filename="OCB0001234_202501_bills.xlsx"', 'OCB0001234_202501_bills.xlsx'],
		['attachment; filename=report.csv', 'report.csv'],
		[
			'attachment; filename="facture.pdf"; filename*=UTF-8\'\'facture%20d%C3%A9cembre.pdf',
			'facture décembre.pdf',
		],
		['attachment; filename="../../etc/passwd"', 'passwd'],
		['attachment; filename="a \\"quoted\\" name.pdf"', 'a "quoted" name.pdf'],
		['inline', undefined],
		[undefined, undefined],
	])('reads the file name of %j', (header, expected) => {
		expect(transport.fileNameFromContentDisposition(header)).toBe(expected);
	});

	it.each([
		['abc-123', 'abc-123'],
		['../x', '%2E%2E%2Fx'],
		['a/b?c#d', 'a%2Fb%3Fc%23d'],
		['%2F', '%252F'],
	])('encodes %j as one path segment', (id, expected) => {
		expect(transport.pathSegment(id)).toBe(expected);
	});

	it('reads a list from a bare array, a wrapper, or null', () => {
		expect(transport.listFromAnswer([{ id: 1 }], ['documents'])).toEqual([{ id: 1 }]);
		expect(transport.listFromAnswer({ documents: [{ id: 2 }] }, ['documents'])).toEqual([
			{ id: 2 },
		]);
		expect(transport.listFromAnswer({ documents: null }, ['documents'])).toEqual([]);
		expect(transport.listFromAnswer('garbage', ['documents'])).toEqual([]);
	});
});
