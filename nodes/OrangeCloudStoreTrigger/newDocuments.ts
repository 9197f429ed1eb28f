/**
 * "New document" polling: each document of the watched contracts is emitted once — never twice,
 * never skipped — with a small state per contract in the workflow's static data.
 *
 * State, per contract: `cursor`, the newest `createdAt` seen, and `recent`, the ids (with their
 * `createdAt`) of the documents seen within LOOKBACK_MS before the cursor. A document counts as new
 * when it is not in `recent` and was created after `cursor − LOOKBACK_MS`: several documents with
 * the same timestamp, or one published a little late with an older timestamp, are still caught,
 * and the state stays bounded by what a contract receives in that window.
 *
 * A poll reads every contract first, then downloads, then writes the state: if anything fails it
 * throws before changing the state, so the next poll sees the same documents again — nothing is
 * emitted without being recorded, nothing recorded without being emitted.
 */
import type {
	IBinaryData,
	IDataObject,
	INodeExecutionData,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { orangeApiPages } from '../shared/transport';
import { checkBinaryPropertyName, checkOption } from '../shared/validation';
import {
	checkContractId,
	cloudStoreApi,
	DOCUMENT_LIST_KEYS,
	documentListRequest,
	listContracts,
	PAGE_SIZE,
} from '../OrangeCloudStore/helpers/api';
import { downloadDocument } from '../OrangeCloudStore/helpers/documents';
import { DOCUMENT_TYPES } from '../OrangeCloudStore/descriptions/documentTypes';

export const LOOKBACK_MS = 7 * 24 * 3600 * 1000;
const MAX_RECENT = 2000;

interface ContractState {
	cursor: string;
	recent: Record<string, string>;
}

interface TriggerState {
	contracts?: Record<string, ContractState>;
}

function timeOf(document: IDataObject): number {
	const time = Date.parse(String(document.createdAt ?? ''));
	return Number.isNaN(time) ? 0 : time;
}

interface Settings {
	contractIds?: string[];
	documentType: string;
	attachFile: boolean;
	binaryPropertyName: string;
}

function settingsOf(context: IPollFunctions): Settings {
	const node = context.getNode();
	const scope = context.getNodeParameter('contractScope', 'all') as string;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	let contractIds: string[] | undefined;
	if (scope === 'selected') {
		const chosen = context.getNodeParameter('contractIds', []) as unknown;
		const list = (Array.isArray(chosen) ? chosen : String(chosen).split(','))
			.map((id) => String(id).trim())
			.filter(Boolean);
		contractIds = [...new Set(list.map((id) => checkContractId(node, 0, id)))];
		if (contractIds.length === 0)
			throw new NodeOperationError(node, 'Choose at least one contract to watch');
	}
	return {
		contractIds,
		documentType: checkOption(
			node,
			0,
			'Document Type',
			context.getNodeParameter('documentType', 'all'),
			['all', ...DOCUMENT_TYPES],
		),
		attachFile: options.attachFile === true,
		binaryPropertyName:
			options.attachFile === true
				? checkBinaryPropertyName(
						node,
						0,
						'Put File in Field',
						options.binaryPropertyName ?? 'data',
					)
				: 'data',
	};
}

async function watchedContracts(context: IPollFunctions, settings: Settings): Promise<string[]> {
	if (settings.contractIds) return settings.contractIds;
	const contracts = await listContracts.call(context);
	return contracts.map((contract) => String(contract.id));
}

/**
 * The documents of a contract created after `since`. When the API lists newest first (as it does),
 * reading stops at the first page that reaches `since`; if a page is out of order, every page is read.
 */
async function documentsSince(
	context: IPollFunctions,
	contractId: string,
	documentType: string,
	since: number,
): Promise<IDataObject[]> {
	const found: IDataObject[] = [];
	let newestFirst = true;
	let previous = Number.POSITIVE_INFINITY;
	let uncertainEnd: string | undefined;
	const pages = orangeApiPages.call(
		context,
		cloudStoreApi,
		documentListRequest(contractId, documentType),
		{
			pageSize: PAGE_SIZE,
			listKeys: DOCUMENT_LIST_KEYS,
			onUncertainEnd: (message) => (uncertainEnd = message),
		},
	);
	for await (const page of pages) {
		for (const document of page) {
			const time = timeOf(document);
			if (time > previous) newestFirst = false;
			previous = time;
			if (time >= since) found.push({ ...document, contractId });
		}
		if (newestFirst && previous < since) return found;
	}
	// The list may go on past what could be read, and `since` was not reached: documents may be
	// missing. Failing keeps the cursor where it is, so the next poll tries again — none is lost.
	if (uncertainEnd)
		throw new NodeApiError(context.getNode(), { message: uncertainEnd } as JsonObject);
	return found;
}

/** The newest document on the first page of a contract's list (the API lists newest first). */
async function latestDocument(
	context: IPollFunctions,
	contractId: string,
	documentType: string,
): Promise<IDataObject | undefined> {
	const pages = orangeApiPages.call(
		context,
		cloudStoreApi,
		documentListRequest(contractId, documentType),
		{ limit: PAGE_SIZE, pageSize: PAGE_SIZE, listKeys: DOCUMENT_LIST_KEYS },
	);
	let latest: IDataObject | undefined;
	for await (const page of pages) {
		for (const document of page)
			if (!latest || timeOf(document) > timeOf(latest)) latest = document;
	}
	return latest ? { ...latest, contractId } : undefined;
}

function recordSeen(state: ContractState | undefined, documents: IDataObject[]): ContractState {
	const recent = { ...(state?.recent ?? {}) };
	let cursor = state ? Date.parse(state.cursor) : 0;
	for (const document of documents) {
		recent[String(document.id)] = String(document.createdAt ?? '');
		cursor = Math.max(cursor, timeOf(document));
	}
	const keepFrom = cursor - LOOKBACK_MS;
	const kept = Object.entries(recent)
		.filter(([, createdAt]) => (Date.parse(createdAt) || 0) >= keepFrom)
		.sort((a, b) => (a[1] < b[1] ? 1 : -1))
		.slice(0, MAX_RECENT);
	return { cursor: new Date(cursor || Date.now()).toISOString(), recent: Object.fromEntries(kept) };
}

async function withFiles(
	context: IPollFunctions,
	documents: IDataObject[],
	settings: Settings,
): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = [];
	for (const document of documents) {
		if (!settings.attachFile) {
			items.push({ json: document });
			continue;
		}
		let binary: IBinaryData;
		try {
			binary = await downloadDocument.call(
				context,
				String(document.contractId),
				String(document.id),
			);
		} catch (error) {
			// A document that has gone (4xx) is emitted without its file; anything that may pass
			// (5xx, network) fails the poll, so the next poll tries again.
			const code = Number((error as { httpCode?: string }).httpCode);
			if (code >= 400 && code < 500 && code !== 429) {
				items.push({ json: { ...document, fileError: (error as Error).message } });
				continue;
			}
			throw new NodeApiError(context.getNode(), error as JsonObject);
		}
		items.push({ json: document, binary: { [settings.binaryPropertyName]: binary } });
	}
	return items;
}

export async function pollNewDocuments(
	this: IPollFunctions,
): Promise<INodeExecutionData[][] | null> {
	const settings = settingsOf(this);
	const contractIds = await watchedContracts(this, settings);

	if (this.getMode() === 'manual') {
		// "Fetch test event": the latest document, state untouched.
		let latest: IDataObject | undefined;
		for (const contractId of contractIds) {
			const candidate = await latestDocument(this, contractId, settings.documentType);
			if (candidate && (!latest || timeOf(candidate) > timeOf(latest))) latest = candidate;
		}
		return latest ? [await withFiles(this, [latest], settings)] : null;
	}

	const staticData = this.getWorkflowStaticData('node') as TriggerState;
	const known = staticData.contracts ?? {};
	const firstActivation = staticData.contracts === undefined;
	const nextState: Record<string, ContractState> = {};
	const fresh: IDataObject[] = [];

	for (const contractId of contractIds) {
		const state = known[contractId];
		const since = state ? Date.parse(state.cursor) - LOOKBACK_MS : Date.now() - LOOKBACK_MS;
		const documents = await documentsSince(this, contractId, settings.documentType, since);
		if (!state) {
			// First sight of this contract (first activation, or newly watched): record, emit nothing.
			nextState[contractId] = recordSeen(undefined, documents);
			continue;
		}
		const unseen = documents.filter((document) => state.recent[String(document.id)] === undefined);
		fresh.push(...unseen);
		nextState[contractId] = recordSeen(state, unseen);
	}

	fresh.sort((a, b) => timeOf(a) - timeOf(b));
	const items = await withFiles(this, fresh, settings);

	staticData.contracts = nextState;
	if (firstActivation || items.length === 0) return null;
	return [items];
}
