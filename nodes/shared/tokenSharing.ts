/**
 * One token request at a time per n8n process and credential. n8n keeps the token in the
 * credential (in the database) and runs `preAuthentication` for each execution that finds none, or
 * whose token Orange refused: executions that run at the same time — 10 per queue-mode worker by
 * default — would each ask Orange for a token (50 a minute allowed). Here they share one request,
 * and a token this process got moments ago serves an execution that still held an older one.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { tokenIssuer } from './gateway';

export interface TokenFields {
	accessToken: string;
	accessTokenIssuedFor: string;
	accessTokenExpiresAt: string;
}

interface SharedToken {
	token?: TokenFields;
	gotAt: number;
	pending?: Promise<TokenFields>;
}

/**
 * How long a token this process just got is handed to executions holding another (older) one
 * instead of asking again: long enough for every execution running when a token was renewed or
 * first fetched, short enough that a token Orange ended since is not handed out again.
 */
const SHARE_MS = 10_000;

/** Per client id, secret and gateway (`tokenIssuer`): never a token across credentials. */
const shared = new Map<string, SharedToken>();

function usable(token: TokenFields): boolean {
	const expiresAt = Date.parse(token.accessTokenExpiresAt);
	return Number.isNaN(expiresAt) || Date.now() < expiresAt;
}

/** `fetchToken`'s token, shared by every caller of this process with the same credential. */
export async function sharedTokenRequest(
	credentials: ICredentialDataDecryptedObject,
	fetchToken: () => Promise<TokenFields>,
): Promise<TokenFields> {
	const key = tokenIssuer(credentials);
	let entry = shared.get(key);
	if (!entry) {
		entry = { gotAt: 0 };
		shared.set(key, entry);
	}
	if (entry.pending) return await entry.pending;
	const { token } = entry;
	const held = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	// The token the caller holds is the one refused (or none): a newer one of ours serves it.
	if (token && token.accessToken !== held && Date.now() - entry.gotAt < SHARE_MS && usable(token))
		return token;
	const pending = fetchToken();
	entry.pending = pending;
	try {
		entry.token = await pending;
		entry.gotAt = Date.now();
		return entry.token;
	} finally {
		entry.pending = undefined;
	}
}
