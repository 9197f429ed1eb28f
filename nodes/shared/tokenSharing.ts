/**
 * One token request at a time per n8n process and credential. n8n keeps the token in the
 * credential (in the database) and runs `preAuthentication` for each execution that finds none, or
 * whose token Orange refused: executions running at the same time — up to 10 per queue-mode worker
 * by default — would each ask Orange for a token (50 a minute allowed). Those that ask while a
 * request is on its way share its answer instead.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { tokenIssuer } from './gateway';

// A type, not an interface: n8n takes preAuthentication's answer as an IDataObject.
export type TokenFields = {
	accessToken: string;
	accessTokenIssuedFor: string;
	accessTokenExpiresAt: string;
};

/** Token requests on their way, per client id, secret and gateway (`tokenIssuer`). */
const pending = new Map<string, Promise<TokenFields>>();

/** `fetchToken`'s answer, shared by every caller of this process asking for the same credential meanwhile. */
export async function sharedTokenRequest(
	credentials: ICredentialDataDecryptedObject,
	fetchToken: () => Promise<TokenFields>,
): Promise<TokenFields> {
	const key = tokenIssuer(credentials);
	const inFlight = pending.get(key);
	if (inFlight) return await inFlight;
	const request = fetchToken();
	pending.set(key, request);
	try {
		return await request;
	} finally {
		pending.delete(key);
	}
}
