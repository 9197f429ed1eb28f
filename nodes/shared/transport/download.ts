/**
 * Files downloaded as a stream, never decoded as text. Redirects within the gateway keep the
 * credentials; a redirect to another host (a storage link) is followed without the token or the
 * API key.
 */
import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import type { OrangeApi } from '../gateway';
import { headerValue } from '../gateway';
import { readBodyText } from './bodyText';
import { credentialFactsFor } from './credential';
import { toNodeApiError } from './errors';
import { fileNameFromContentDisposition } from './fileName';
import { send } from './send';
import type { OrangeRequest, RawResponse, Readable } from './types';
import { DEFAULT_TIMEOUT_MS } from './types';

const MAX_REDIRECTS = 5;

type DownloadContext = IExecuteFunctions | IPollFunctions;

export interface DownloadedFile {
	body: Readable | Buffer;
	fileName?: string;
	mimeType?: string;
	size?: number;
}

/** A plain GET with no Orange header at all, for a file hosted outside the gateway. */
async function downloadWithoutCredentials(
	context: DownloadContext,
	url: string,
	timeout: number | undefined,
): Promise<RawResponse> {
	return (await context.helpers.httpRequest({
		method: 'GET',
		url,
		encoding: 'stream',
		json: false,
		returnFullResponse: true,
		disableFollowRedirect: true,
		ignoreHttpStatusErrors: true,
		timeout: timeout ?? DEFAULT_TIMEOUT_MS,
	})) as RawResponse;
}

function isRedirect(response: RawResponse): boolean {
	return response.statusCode >= 300 && response.statusCode < 400;
}

/** Follows the redirects of a first answer, at most MAX_REDIRECTS; answers the last answer. */
async function followRedirects(
	context: DownloadContext,
	api: OrangeApi,
	request: OrangeRequest,
	first: RawResponse,
): Promise<RawResponse> {
	const { baseUrl } = await credentialFactsFor(context, api);
	const apiRoot = `${baseUrl}${api.basePath}`;
	let response = first;
	let location = `${apiRoot}${request.path}`;
	for (let hop = 0; isRedirect(response); hop++) {
		const next = headerValue(response.headers, 'location');
		if (!next || hop >= MAX_REDIRECTS) {
			const failure = { ...response, status: response.statusCode, message: 'Redirect' };
			throw toNodeApiError(context, api, request, failure, true);
		}
		location = new URL(next, location).toString();
		response =
			new URL(location).origin === new URL(baseUrl).origin
				? await send(context, api, { ...request, path: location.slice(apiRoot.length) }, 'stream')
				: await downloadWithoutCredentials(context, location, request.timeout);
	}
	return response;
}

/** Downloads a file as a stream, with the name and type its answer gives. */
export async function orangeApiDownload(
	this: DownloadContext,
	api: OrangeApi,
	request: OrangeRequest,
): Promise<DownloadedFile> {
	const response = await followRedirects(
		this,
		api,
		request,
		await send(this, api, request, 'stream'),
	);
	if (response.statusCode >= 400) {
		const { statusCode: status, headers } = response;
		const bodyText = await readBodyText(response.body);
		const failure = { status, headers, bodyText, message: 'Download failed' };
		throw toNodeApiError(this, api, request, failure, true);
	}
	const header = (name: string) => headerValue(response.headers, name);
	const lengthHeader = header('content-length');
	return {
		body: response.body as Readable,
		fileName: fileNameFromContentDisposition(header('content-disposition')),
		mimeType: header('content-type')?.split(';')[0].trim() || undefined,
		size: lengthHeader !== undefined ? Number(lengthHeader) : undefined,
	};
}
