/**
 * The sandbox's seeded world: who may call, which contracts exist, which documents each one has.
 * Deterministic, so tests can name what they expect.
 */
import { createHash } from 'node:crypto';

export interface Client {
	clientId: string;
	clientSecret: string;
}

export interface Contract {
	id: string;
	name: string;
	contractType: string;
	offer: { id: string; name: string };
	platformId: string;
	customer: { id: string; name: string; segment: string };
	contact: { lastName: string; firstName: string; name: string; email: string; title: string };
	createdAt: string;
	updatedAt: string;
	billingAccountId?: string;
}

export interface SandboxDocument {
	id: string;
	filename: string;
	period: string;
	createdAt: string;
	updatedAt: string;
	amount: number;
	currency: string;
	documentType: string;
	contractId: string;
	/** Size of a generated file, when the test asks for a big one. */
	sizeBytes?: number;
}

/** The credentials the sandbox accepts; the demo and the tests use them. */
export const SANDBOX_CLIENT: Client = {
	clientId: 'sandbox-client-id',
	clientSecret: 'sandbox-client-secret',
};
export const SANDBOX_API_KEY = 'sandbox-api-key';
/** A second key that sees only the first contract (a "Client" account of one contract). */
export const SANDBOX_LIMITED_API_KEY = 'sandbox-api-key-limited';

export const SANDBOX_REQUESTER = {
	login: 'operateur.demo',
	siren: '552081317',
	contractNumber: 'OPT-2024-000123',
};

const customer = { id: 'CUST-0042', name: 'Exemple Industries SAS', segment: 'Enterprise' };

export const SEED_CONTRACTS: Contract[] = [
	{
		id: 'OCB0001234',
		name: 'Flexible Engine Production',
		contractType: 'SUBSCRIPTION',
		offer: { id: 'FE', name: 'Flexible Engine' },
		platformId: 'FE-EU-WEST-0',
		customer,
		contact: {
			lastName: 'Martin',
			firstName: 'Claire',
			name: 'Claire Martin',
			email: 'claire.martin@exemple.fr',
			title: 'Mme',
		},
		createdAt: '2023-03-14T09:12:00.000Z',
		updatedAt: '2025-11-02T16:40:00.000Z',
	},
	{
		id: 'OCB0001235',
		name: 'Cloud Avenue Recette',
		contractType: 'SUBSCRIPTION',
		offer: { id: 'CAV', name: 'Cloud Avenue' },
		platformId: 'CAV-FR-1',
		customer,
		contact: {
			lastName: 'Bernard',
			firstName: 'Hugo',
			name: 'Hugo Bernard',
			email: 'hugo.bernard@exemple.fr',
			title: 'M',
		},
		createdAt: '2024-01-08T10:00:00.000Z',
		updatedAt: '2025-06-18T08:05:00.000Z',
	},
	{
		id: 'OCB0002001',
		name: 'Flexible Engine Data Lake',
		contractType: 'SUBSCRIPTION',
		offer: { id: 'FE', name: 'Flexible Engine' },
		platformId: 'FE-EU-WEST-0',
		customer,
		contact: {
			lastName: 'Petit',
			firstName: 'Nora',
			name: 'Nora Petit',
			email: 'nora.petit@exemple.fr',
			title: 'Mme',
		},
		createdAt: '2024-09-30T14:30:00.000Z',
		updatedAt: '2025-10-01T07:00:00.000Z',
	},
	{
		id: 'OCB0009293',
		name: 'Honey Backup',
		contractType: 'SUBSCRIPTION',
		offer: { id: 'HONEY', name: 'Honey Backup as a Service' },
		platformId: 'HNY-1',
		customer,
		contact: {
			lastName: 'Doe',
			firstName: 'John',
			name: 'John Doe',
			email: 'john.doe@exemple.fr',
			title: 'M',
		},
		createdAt: '2025-02-01T09:00:00.000Z',
		updatedAt: '2025-02-01T09:00:00.000Z',
	},
];

export const DOCUMENT_TYPES = [
	'bills',
	'invoices',
	'reports',
	'partialBills',
	'partialConsumptionRatedReports',
	'comsumptionRatedReports',
];

const EXTENSION: Record<string, string> = {
	bills: 'xlsx',
	partialBills: 'xlsx',
	invoices: 'pdf',
	reports: 'csv',
	partialConsumptionRatedReports: 'csv',
	comsumptionRatedReports: 'csv',
};

export const MIME_TYPES: Record<string, string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pdf: 'application/pdf',
	csv: 'text/csv',
};

export function extensionOf(documentType: string): string {
	return EXTENSION[documentType] ?? 'csv';
}

export function documentId(
	contractId: string,
	period: string,
	documentType: string,
	n = 0,
): string {
	const hex = createHash('sha1')
		.update(`${contractId}/${period}/${documentType}/${n}`)
		.digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Months from 2025-01 to 2026-10: 22 billing periods. */
export function seedPeriods(): string[] {
	const periods: string[] = [];
	for (let year = 2025; year <= 2026; year++) {
		for (let month = 1; month <= 12; month++) {
			if (year === 2026 && month > 10) break;
			periods.push(`${year}${String(month).padStart(2, '0')}`);
		}
	}
	return periods;
}

export function makeDocument(
	contract: Contract,
	period: string,
	documentType: string,
	createdAt: string,
	n = 0,
): SandboxDocument {
	const seed = parseInt(
		createHash('sha1').update(`${contract.id}${period}${documentType}`).digest('hex').slice(0, 6),
		16,
	);
	const amount =
		documentType.endsWith('Reports') || documentType === 'reports'
			? 0
			: Math.round(seed % 900000) / 100 + 150;
	const ext = extensionOf(documentType);
	return {
		id: documentId(contract.id, period, documentType, n),
		filename: `${contract.id}_${period}_${documentType}${n ? `_${n}` : ''}.${ext}`,
		period: `${period}01-${period}${new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(4, 6)), 0)).getUTCDate()}`,
		createdAt,
		updatedAt: createdAt,
		amount,
		currency: 'EUR',
		documentType,
		contractId: contract.id,
	};
}

/**
 * Every contract gets, per month, a bill, an invoice and a consumption report, and every third
 * month a usage report and partial documents: about 70 documents a contract, of all six types.
 */
export function seedDocuments(contracts: Contract[]): SandboxDocument[] {
	const documents: SandboxDocument[] = [];
	for (const contract of contracts) {
		seedPeriods().forEach((period, index) => {
			const year = Number(period.slice(0, 4));
			const month = Number(period.slice(4, 6));
			const next = new Date(Date.UTC(year, month, 3, 6, 0, 0));
			const types = ['bills', 'invoices', 'comsumptionRatedReports'];
			if (index % 3 === 0) types.push('reports', 'partialBills', 'partialConsumptionRatedReports');
			types.forEach((type, t) => {
				const createdAt = new Date(next.getTime() + t * 60_000).toISOString();
				documents.push(makeDocument(contract, period, type, createdAt));
			});
		});
	}
	return documents;
}

/**
 * A bigger world for benchmarks: `contracts` contracts (the seeded ones first, then generated),
 * each with `documentsPerContract` documents, one every 6 hours back from `newest`.
 */
export function scaledDataset(
	contracts: number,
	documentsPerContract: number,
	newest = Date.UTC(2026, 10, 1),
): { contracts: Contract[]; documents: SandboxDocument[] } {
	const all = Array.from({ length: contracts }, (_, i): Contract => {
		const seed = SEED_CONTRACTS[i % SEED_CONTRACTS.length];
		if (i < SEED_CONTRACTS.length) return structuredClone(seed);
		return { ...structuredClone(seed), id: `OCB${String(1_000_000 + i).padStart(7, '0')}` };
	});
	const documents: SandboxDocument[] = [];
	for (const contract of all) {
		for (let n = 0; n < documentsPerContract; n++) {
			const createdAt = new Date(newest - n * 6 * 3_600_000);
			const period = `${createdAt.getUTCFullYear()}${String(createdAt.getUTCMonth() + 1).padStart(2, '0')}`;
			const type = DOCUMENT_TYPES[n % DOCUMENT_TYPES.length];
			documents.push(makeDocument(contract, period, type, createdAt.toISOString(), n + 1));
		}
	}
	return { contracts: all, documents };
}
