/** Lists read page by page with `limit`/`offset`. */
import type { IDataObject } from 'n8n-workflow';

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
}

/** Whether the list is read whole: the announced total reached, else a page shorter than the fullest. */
function listEnded(headers: IDataObject, read: number, pageLength: number, fullestPage: number) {
	const total = Number(headerValue(headers, 'x-total-count'));
	return Number.isFinite(total) && total > 0 ? read >= total : pageLength < fullestPage;
}

/**
 * Reads a `limit`/`offset` list page by page, until the limit, the total the API announces
 * (`X-Total-Count`), an empty page, or a page shorter than the fullest one seen — an API that caps
 * its pages below the size asked for is still read to the end. A page that repeats the previous
 * one (an API ignoring `offset`) ends the loop too. The caller may stop early.
 */
export async function* orangeApiPages(
	this: OrangeContext,
	api: OrangeApi,
	request: OrangeRequest,
	{ limit, pageSize, listKeys }: PageOptions,
): AsyncGenerator<IDataObject[]> {
	let read = 0;
	let previousFirst: string | undefined;
	let fullestPage = 0;
	for (let page = 0; page < MAX_PAGES; page++) {
		const size = limit === undefined ? pageSize : Math.min(pageSize, limit - read);
		const { body, headers } = await requestJson<unknown>(this, api, {
			...request,
			qs: { ...request.qs, limit: size, offset: read },
		});
		const pageItems = listFromAnswer(body, listKeys);
		const first = pageItems.length > 0 ? JSON.stringify(pageItems[0]) : undefined;
		if (pageItems.length === 0 || (page > 0 && first === previousFirst)) return;
		previousFirst = first;
		read += pageItems.length;
		fullestPage = Math.max(fullestPage, pageItems.length);
		yield limit === undefined ? pageItems : pageItems.slice(0, limit - (read - pageItems.length));
		if (limit !== undefined && read >= limit) return;
		if (listEnded(headers, read, pageItems.length, fullestPage)) return;
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
