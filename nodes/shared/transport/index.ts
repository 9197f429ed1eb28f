/**
 * The one way this package talks to Orange's gateway; nodes import only this file.
 * - `request`: one JSON call (`orangeApiRequest`); `send`: its retries and token sharing;
 * - `credential`: the credential read once per run, and the authenticated request itself
 *   (n8n's `httpRequestWithAuthentication`: the credential's preAuthentication fetches the token);
 * - `tokenSharing`: how the items of a run share one token and one refresh;
 * - `retry`: what is sent again, and how long it waits; `failure` / `failedResponse`: what a
 *   failed call says; `errors`: the error the user sees, Orange's words and request id, no secret;
 *   `orangeAnswer`: what Orange answered behind such an error, for nodes that read it as an outcome;
 * - `pages`: `limit`/`offset` lists, never cut short in silence (`hints`: the warning shown when an
 *   API ignores `offset`); `download`: files as streams, redirects without credentials.
 */
export type { DownloadedFile } from './download';
export { orangeApiDownload } from './download';
export { fileNameFromContentDisposition } from './fileName';
export { warnAboveOutput } from './hints';
export type { PageOptions } from './pages';
export { listFromAnswer, orangeApiPages, orangeApiRequestAllItems } from './pages';
export type { OrangeAnswer } from './orangeAnswer';
export { orangeAnswerOf } from './orangeAnswer';
export { orangeApiRequest } from './request';
export type { OrangeContext, OrangeRequest, Readable } from './types';
export { DEFAULT_TIMEOUT_MS, pathSegment } from './types';
