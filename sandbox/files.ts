/**
 * Real file bytes for the sandbox's documents: a PDF invoice, an XLSX billing report and the
 * `;`-separated consumption CSV that Cloud Store serves (27 columns, decimal comma).
 */
import { strToU8, zipSync } from 'fflate';
import { Readable } from 'node:stream';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface DocumentFacts {
	id: string;
	contractId: string;
	contractName: string;
	period: string;
	amount: number;
	currency: string;
	documentType: string;
}

const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

export async function invoicePdf(doc: DocumentFacts): Promise<Uint8Array> {
	const pdf = await PDFDocument.create();
	pdf.setCreationDate(FIXED_DATE);
	pdf.setModificationDate(FIXED_DATE);
	pdf.setProducer('n8n-nodes-orange sandbox');
	pdf.setTitle(`Invoice ${doc.id}`);
	const page = pdf.addPage([595, 842]);
	const font = await pdf.embedFont(StandardFonts.Helvetica);
	const lines = [
		'Orange Business - Cloud Store',
		`Facture / Invoice ${doc.id}`,
		`Contrat ${doc.contractId} - ${doc.contractName}`,
		`Periode ${doc.period.slice(0, 4)}-${doc.period.slice(4, 6)}`,
		`Montant HT: ${doc.amount.toFixed(2).replace('.', ',')} ${doc.currency}`,
		'(sandbox document - not a real invoice)',
	];
	lines.forEach((line, index) =>
		page.drawText(line, { x: 50, y: 780 - index * 24, size: 14, font }),
	);
	return await pdf.save({ useObjectStreams: false });
}

function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

function cell(column: number, row: number, value: string | number): string {
	const ref = `${String.fromCharCode(65 + column)}${row}`;
	return typeof value === 'number'
		? `<c r="${ref}"><v>${value}</v></c>`
		: `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
}

/** A minimal but valid Office Open XML workbook with a "Billing Report" sheet. */
export function billingReportXlsx(doc: DocumentFacts): Uint8Array {
	const rows: (string | number)[][] = [
		['Contract', 'Period', 'Service', 'Quantity', 'Amount', 'Currency'],
		[
			doc.contractId,
			doc.period,
			'Elastic Cloud Server',
			720,
			Number((doc.amount * 0.6).toFixed(2)),
			doc.currency,
		],
		[
			doc.contractId,
			doc.period,
			'Object Storage',
			1024,
			Number((doc.amount * 0.3).toFixed(2)),
			doc.currency,
		],
		[
			doc.contractId,
			doc.period,
			'Elastic IP',
			2,
			Number((doc.amount * 0.1).toFixed(2)),
			doc.currency,
		],
	];
	const sheetRows = rows
		.map(
			(row, r) =>
				`<row r="${r + 1}">${row.map((value, c) => cell(c, r + 1, value)).join('')}</row>`,
		)
		.join('');
	const files: Record<string, Uint8Array> = {
		'[Content_Types].xml': strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
		),
		'_rels/.rels': strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
		),
		'xl/workbook.xml': strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Billing Report" sheetId="1" r:id="rId1"/></sheets></workbook>',
		),
		'xl/_rels/workbook.xml.rels': strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
		),
		'xl/worksheets/sheet1.xml': strToU8(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
		),
	};
	return zipSync(files, { mtime: FIXED_DATE });
}

const CSV_COLUMNS =
	'BillingMode;BeginDate;EndDate;ServiceID;TenantLabel;Country;Region;ServiceCloud;CodeLabel;ChargeLabel;IdResource;Project;Tags;Quantity;BillingUnit;UnitPrice;Amount;VolumeDiscount;DiscountedAmount;Currency;SubsChargeType;SubsBeginDate;SubsEndDate;SubsUpfront;SubsUpfrontDiscounted;SubsFlavor;SubsDuration';

/** The consumption report: one line per resource and day, French decimals. */
export function consumptionCsv(doc: DocumentFacts, lines: number): Uint8Array {
	const year = doc.period.slice(0, 4);
	const month = doc.period.slice(4, 6);
	const out = [CSV_COLUMNS];
	for (let i = 0; i < lines; i++) {
		const day = String((i % 28) + 1).padStart(2, '0');
		const quantity = ((i * 7) % 24) + 1;
		const unitPrice = 0.0425 + (i % 5) * 0.01;
		const amount = (quantity * unitPrice).toFixed(4).replace('.', ',');
		out.push(
			[
				'PayAsYouGo',
				`${year}-${month}-${day}`,
				`${year}-${month}-${day}`,
				`SRV-${1000 + (i % 9)}`,
				doc.contractName,
				'FR',
				'eu-west-0',
				'Flexible Engine',
				'ECS',
				'Elastic Cloud Server s6.large.2',
				`ecs-${(i % 13).toString(16).padStart(4, '0')}`,
				'default',
				'env=prod',
				String(quantity),
				'Hour',
				unitPrice.toFixed(4).replace('.', ','),
				amount,
				'0',
				amount,
				doc.currency,
				'',
				'',
				'',
				'',
				'',
				'',
				'',
			].join(';'),
		);
	}
	return strToU8(`${out.join('\r\n')}\r\n`);
}

/**
 * `size` bytes of a repeating, position-dependent pattern, made chunk by chunk as the reader asks:
 * a file of any size without holding it in memory. `generatedFileBytes` gives the same bytes.
 */
export function generatedFile(size: number): Readable {
	const chunkSize = 1 << 16;
	let sent = 0;
	return new Readable({
		read() {
			if (sent >= size) {
				this.push(null);
				return;
			}
			const length = Math.min(chunkSize, size - sent);
			this.push(generatedFileBytes(sent, length));
			sent += length;
		},
	});
}

/** The pattern repeats every PATTERN_LENGTH bytes, a length that no power-of-two chunk divides. */
const PATTERN_LENGTH = 65_521;
const PATTERN = Buffer.from(
	Array.from(
		{ length: PATTERN_LENGTH * 2 },
		(_, i) => ((i % PATTERN_LENGTH) * 2_654_435_761) >>> 24,
	),
);

export function generatedFileBytes(offset: number, length: number): Buffer {
	const bytes = Buffer.allocUnsafe(length);
	let written = 0;
	while (written < length) {
		const start = (offset + written) % PATTERN_LENGTH;
		written += PATTERN.copy(
			bytes,
			written,
			start,
			Math.min(start + length - written, PATTERN.length),
		);
	}
	return bytes;
}
