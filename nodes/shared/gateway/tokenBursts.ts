/**
 * One token request for a burst of executions. n8n keeps the token in the credential (in the
 * database) and runs `preAuthentication` for each execution that finds none, or whose token Orange
 * refused; executions starting together — up to 10 at once per queue-mode worker by default — would
 * each ask Orange for a token (50 a minute allowed). In one n8n process, those asking while a token
 * request is on its way share its answer, and so do the burst's stragglers that read the credential
 * before n8n stored that token: for a few seconds after a request others joined, its token serves
 * any caller still holding no token or an older one.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { tokenIssuer } from './heldToken';

// A type, not an interface: n8n takes preAuthentication's answer as an IDataObject.
export type TokenFields = {
	accessToken: string;
	accessTokenIssuedFor: string;
	accessTokenExpiresAt: string;
};

interface SharedRequest {
	pending?: Promise<TokenFields>;
	/** Callers that joined the pending request: a burst. */
	joined: number;
	token?: TokenFields;
	/** Until when the last token serves late callers of its burst (ms since the epoch). */
	shareUntil: number;
}

const STRAGGLERS_MS = 5_000;

/** Per client id, secret and gateway (`tokenIssuer`): never a token across credentials. */
const requests = new Map<string, SharedRequest>();

function stillValid(token: TokenFields): boolean {
	const expiresAt = Date.parse(token.accessTokenExpiresAt);
	return Number.isNaN(expiresAt) || Date.now() < expiresAt;
}

/** `fetchToken`'s answer, shared as described above. */
export async function sharedTokenRequest(
	credentials: ICredentialDataDecryptedObject,
	fetchToken: () => Promise<TokenFields>,
): Promise<TokenFields> {
	const key = tokenIssuer(credentials);
	const shared = requests.get(key) ?? { joined: 0, shareUntil: 0 };
	requests.set(key, shared);
	if (shared.pending) {
		shared.joined++;
		return await shared.pending;
	}
	const held = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	const { token } = shared;
	if (token && token.accessToken !== held && Date.now() < shared.shareUntil && stillValid(token))
		return token;
	shared.joined = 0;
	shared.pending = fetchToken();
	try {
		shared.token = await shared.pending;
		shared.shareUntil = shared.joined > 0 ? Date.now() + STRAGGLERS_MS : 0;
		return shared.token;
	} finally {
		shared.pending = undefined;
	}
}
