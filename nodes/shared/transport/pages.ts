/** Lists read page by page with `limit`/`offset`. */
import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { OrangeApi } from '../gateway';
import { headerValue } from '../gateway';
import { requestJson } from './request';
import type { OrangeContext, OrangeRequest } from './types';

const MAX_PAGES = 10_000;

/** The list inside an answer: a bare array, or an array under a known key; `null` is an empty list. */
export function listFromAnswer(answer: unknown, keys: string[]): IDataObject[] {
	if (Array.isArray(answer)) return answer as IDataObject[];
	if (typeof answer === 'object' && answer !== null) {
		for (const key of keys) {
			const value = (answer as IDataObject)[key];
			if (Array.isArray(value)) return value as IDataObject[];
		}
	}
	return [];
}

export interface PageOptions {
	/** Stop after this many items; undefined for all. */
	limit?: number;
	pageSize: number;
	/** Keys under which an answer may wrap its list (`documents`, …). */
	listKeys: string[];
	/** Told when the API ignored `offset` and the list read may be incomplete; without it, that fails. */
	onUncertainEnd?: (message: string) => void;
}

/** The most a list is asked for in one page when its API turns out to ignore `offset`. */
const WHOLE_LIST_LIMIT = 10_000;

/**
 * An API that ignores `offset` answers its first page again and again. The list is then asked once
 * more from its start in one page as large as it may be. Unless that answer provably holds it all
 * (the announced total, or the limit asked, reached), the caller's `onUncertainEnd` is told that more
 * may exist — or, without one, the read fails saying so: never a list cut short in silence.
 */
async function restOfListIgnoringOffset(
	context: OrangeContext,
	api: OrangeApi,
	request: OrangeRequest,
	{ limit, listKeys, onUncertainEnd }: PageOptions,
	read: number,
	total: number | undefined,
): Promise<IDataObject[]> {
	const wanted = Math.min(limit ?? WHOLE_LIST_LIMIT, total ?? WHOLE_LIST_LIMIT);
	const { body } = await requestJson<unknown>(context, api, {
		...request,
		qs: { ...request.qs, limit: wanted, offset: 0 },
	});
	const all = listFromAnswer(body, listKeys);
	const rest = all.slice(read, limit);
	if (all.length >= (total ?? limit ?? Infinity)) return rest;
	const message = `${api.label} ignored the "offset" of its list (${request.method} ${api.basePath}${request.path}): ${Math.max(read, all.length)} items were read in one request, and more may exist. Narrow the list (period, document type) or ask Orange support about paging.`;
	if (onUncertainEnd) {
		onUncertainEnd(message);
		return rest;
	}
	throw new NodeApiError(context.getNode(), { message } as JsonObject, {
		message,
		itemIndex: request.itemIndex,
	});
}

/** The total the API announces (`X-Total-Count`), if it does. */
function announcedTotal(headers: IDataObject): number | undefined {
	const announced = Number(headerValue(headers, 'x-total-count'));
	return Number.isFinite(announced) && announced > 0 ? announced : undefined;
}

/**
 * Reads a `limit`/`offset` list page by page, until the limit, the total the API announces
 * (`X-Total-Count`), an empty page, or a page shorter than the fullest one seen — an API that caps
 * its pages below the size asked for is still read to the end. A page that repeats the previous
 * one (an API ignoring `offset`) is not an end: see `restOfListIgnoringOffset`. The caller may stop early.
 */
export async function* orangeApiPages(
	this: OrangeContext,
	api: OrangeApi,
	request: OrangeRequest,
	options: PageOptions,
): AsyncGenerator<IDataObject[]> {
	const { limit, pageSize, listKeys } = options;
	let read = 0;
	let previousFirst: string | undefined;
	let fullestPage = 0;
	let total: number | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const size = limit === undefined ? pageSize : Math.min(pageSize, limit - read);
		const { body, headers } = await requestJson<unknown>(this, api, {
			...request,
			qs: { ...request.qs, limit: size, offset: read },
		});
		const pageItems = listFromAnswer(body, listKeys);
		const first = pageItems.length > 0 ? JSON.stringify(pageItems[0]) : undefined;
		if (pageItems.length === 0) return;
		if (page > 0 && first === previousFirst) {
			const rest = await restOfListIgnoringOffset(this, api, request, options, read, total);
			if (rest.length > 0) yield rest;
			return;
		}
		previousFirst = first;
		read += pageItems.length;
		fullestPage = Math.max(fullestPage, pageItems.length);
		yield limit === undefined ? pageItems : pageItems.slice(0, limit - (read - pageItems.length));
		total = announcedTotal(headers);
		if (limit !== undefined && read >= limit) return;
		if (total !== undefined ? read >= total : pageItems.length < fullestPage) return;
	}
}

/** Every item of a `limit`/`offset` list (see `orangeApiPages`). */
export async function orangeApiRequestAllItems(
	this: OrangeContext,
	api: OrangeApi,
	request: OrangeRequest,
	options: PageOptions,
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	for await (const page of orangeApiPages.call(this, api, request, options)) items.push(...page);
	return items;
}
