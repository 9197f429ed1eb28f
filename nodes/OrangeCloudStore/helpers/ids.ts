/** Cloud Store ids, checked before they go into a header or a path. */
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import type { TextPattern } from '../../shared/validation';
import { checkPattern } from '../../shared/validation';

/** Contract references look like OCB0001234; other prefixes exist, so only the shape is checked. */
const CONTRACT_ID: TextPattern = {
	maxLength: 40,
	pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$/,
	problem: 'is not a Cloud Store contract reference',
	expected: 'letters and digits, such as OCB0001234',
	hint: 'Get Many Contracts lists the contract references; in the editor, pick the contract from the list.',
};

const DOCUMENT_ID: TextPattern = {
	maxLength: 128,
	pattern: /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/,
	refuses: (id) => id.includes('..'),
	problem: 'is not a Cloud Store document ID',
	expected: 'the "id" of a document, as Get Many Documents lists it',
	hint: "Get Many Documents lists a contract's documents with their ids; in the editor, pick the document from the list.",
};

export function checkContractId(node: INode, itemIndex: number, value: unknown): string {
	return checkPattern(node, itemIndex, 'Contract', value, CONTRACT_ID);
}

export function checkDocumentId(node: INode, itemIndex: number, value: unknown): string {
	return checkPattern(node, itemIndex, 'Document', value, DOCUMENT_ID);
}

/** The contract chosen in the item's "Contract" resource locator, checked. */
export function contractIdOf(this: IExecuteFunctions, itemIndex: number): string {
	const value = this.getNodeParameter('contractId', itemIndex, '', { extractValue: true });
	return checkContractId(this.getNode(), itemIndex, value);
}

/** The document chosen in the item's "Document" resource locator, checked. */
export function documentIdOf(this: IExecuteFunctions, itemIndex: number): string {
	const value = this.getNodeParameter('documentId', itemIndex, '', { extractValue: true });
	return checkDocumentId(this.getNode(), itemIndex, value);
}
