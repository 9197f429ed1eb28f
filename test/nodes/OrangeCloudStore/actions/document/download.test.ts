import { describe, expect, it } from 'vitest';

import { runNode } from '../../../../helpers/engine.ts';
import { binaryBytes, sha256 } from '../../../../helpers/assertions.ts';
import { cloudCredentials, useSandbox } from '../../../../helpers/sandbox.ts';

const t = useSandbox();

const download = (
	parameters: Record<string, unknown>,
	extra: { items?: Record<string, unknown>[]; continueOnFail?: boolean } = {},
) =>
	runNode(
		{
			type: 'orangeCloudStore',
			parameters: {
				resource: 'document',
				operation: 'download',
				contractId: { __rl: true, mode: 'id', value: 'OCB0001234' },
				...parameters,
			},
			credentials: cloudCredentials,
			...extra,
		},
		t.credentials,
	);

describe('document download', () => {
	for (const documentType of ['invoices', 'bills', 'comsumptionRatedReports']) {
		it(`returns the ${documentType} file byte for byte, with its name and MIME type`, async () => {
			const document = t.sandbox.documents.find(
				(d) => d.contractId === 'OCB0001234' && d.documentType === documentType,
			)!;
			const { items, error } = await download({
				documentId: { __rl: true, mode: 'id', value: document.id },
			});
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			const bytes = binaryBytes(items[0]);
			expect(sha256(bytes)).toBe(sha256(await t.sandbox.fileBytes(document)));
			expect(items[0].binary!.data.fileName).toBe(document.filename);
			expect(items[0].json).toMatchObject({
				contractId: 'OCB0001234',
				documentId: document.id,
				fileName: document.filename,
				fileSize: bytes.length,
			});
			const call = t.sandbox.apiRequests().at(-1)!;
			expect(call.path).toBe(`/cloud/b2b/v1/documents/${document.id}/file`);
			expect(call.headers['x-eccs-contract-id']).toBe('OCB0001234');
		});
	}

	it('checks the PDF, XLSX and CSV are real files of their kind', async () => {
		const pick = (type: string) =>
			t.sandbox.documents.find((d) => d.contractId === 'OCB0001234' && d.documentType === type)!;
		const pdf = Buffer.from(await t.sandbox.fileBytes(pick('invoices')));
		const xlsx = Buffer.from(await t.sandbox.fileBytes(pick('bills')));
		const csv = Buffer.from(await t.sandbox.fileBytes(pick('comsumptionRatedReports'))).toString(
			'utf8',
		);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.subarray(-6).toString()).toContain('%%EOF');
		expect(xlsx.subarray(0, 2).toString()).toBe('PK');
		expect(xlsx.includes(Buffer.from('xl/worksheets/sheet1.xml'))).toBe(true);
		expect(csv.split('\r\n')[0].split(';')).toHaveLength(27);
	});

	it('puts the file in the field the user names', async () => {
		const document = t.sandbox.documents.find((d) => d.contractId === 'OCB0001234')!;
		const { items } = await download({
			documentId: { __rl: true, mode: 'id', value: document.id },
			binaryPropertyName: 'invoice',
		});
		expect(Object.keys(items[0].binary ?? {})).toEqual(['invoice']);
	});

	it("reports Orange's 404 for a document of another contract", async () => {
		const other = t.sandbox.documents.find((d) => d.contractId === 'OCB0001235')!;
		const { error } = await download({ documentId: { __rl: true, mode: 'id', value: other.id } });
		expect(error?.message).toBe(
			`Orange Cloud Store: Document ${other.id} not found for contract OCB0001234.`,
		);
		expect(error?.description).toContain('Resource not found (Orange code 60).');
		expect(error?.description).toMatch(/Orange request ID, for Orange support: sbx-[0-9a-f]+\.$/);
		expect((error as { httpCode?: string }).httpCode).toBe('404');
	});

	for (const bad of [
		'../../contracts',
		'a/b',
		'x?y=1',
		'x#y',
		'%2Fcontracts',
		'é-id',
		'={{ "" }}',
		'..',
	]) {
		it(`refuses the document ID ${JSON.stringify(bad)} before sending anything`, async () => {
			const { error } = await download({ documentId: { __rl: true, mode: 'id', value: bad } });
			expect(error?.message).toMatch(/^Invalid Document in item 0: /);
			expect(t.sandbox.requests).toHaveLength(0);
		});
	}

	it('refuses a binary field name that is not a name', async () => {
		const document = t.sandbox.documents[0];
		const { error } = await download({
			documentId: { __rl: true, mode: 'id', value: document.id },
			binaryPropertyName: 'my file',
		});
		expect(error?.message).toMatch(/^Invalid Put Output File in Field in item 0/);
		expect(t.sandbox.requests).toHaveLength(0);
	});

	it('follows a redirect to another host without the token or the API key', async () => {
		const document = t.sandbox.documents.find(
			(d) => d.contractId === 'OCB0001234' && d.documentType === 'invoices',
		)!;
		t.sandbox.addFault({ kind: 'redirect', path: `/cloud/b2b/v1/documents/${document.id}/file` });
		const { items, error } = await download({
			documentId: { __rl: true, mode: 'id', value: document.id },
		});
		expect(error).toBeUndefined();
		expect(sha256(binaryBytes(items[0]))).toBe(sha256(await t.sandbox.fileBytes(document)));
		expect(t.sandbox.storageRequests).toHaveLength(1);
		const headers = t.sandbox.storageRequests[0].headers;
		expect(headers.authorization).toBeUndefined();
		expect(headers['x-api-key']).toBeUndefined();
		expect(headers['x-eccs-contract-id']).toBeUndefined();
	});
});
