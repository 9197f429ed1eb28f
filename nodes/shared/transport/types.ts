import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

/** A response body stream (Node's Readable), typed by shape: the package imports no Node module. */
export interface Readable extends AsyncIterable<Buffer | string> {
	on: (...args: never[]) => unknown;
	read: (...args: never[]) => unknown;
	destroy: () => void;
}

/** Every kind of node run that calls Orange: an action, a poll, a list search. */
export type OrangeContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface OrangeRequest {
	method: IHttpRequestMethods;
	/** Path under the API's base path. Ids in it must go through `pathSegment`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	headers?: Record<string, string>;
	/** Whether sending it twice is harmless. Defaults to true for GET only. */
	idempotent?: boolean;
	itemIndex?: number;
	/** Milliseconds before the request is abandoned. */
	timeout?: number;
}

/** An answer as n8n's HTTP client gives it with `returnFullResponse`: body as text or stream. */
export interface RawResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

export function isIdempotent(request: OrangeRequest): boolean {
	return request.idempotent ?? request.method === 'GET';
}

/** Encodes one path segment: an id can never change which endpoint is called. */
export function pathSegment(value: string): string {
	return encodeURIComponent(value).replace(/\./g, '%2E');
}
