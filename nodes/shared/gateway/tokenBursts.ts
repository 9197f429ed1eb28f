/**
 * One token request for a burst of executions. n8n keeps the token in the credential (in the
 * database) and runs `preAuthentication` for each execution that finds none, or whose token Orange
 * refused; executions starting together — up to 10 at once per queue-mode worker by default — would
 * each ask Orange for a token (50 a minute allowed). In one n8n process, those asking while a token
 * request is on its way share its answer, and so do the stragglers that read the credential before
 * n8n stored that token: for a few seconds after a request, its token serves any caller still
 * holding no token or an older one. (Whether others joined does not matter: executions a few
 * milliseconds apart miss the request itself, not the moment before n8n stores its answer.)
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
	token?: TokenFields;
	/** Until when the last token serves callers that read the credential before it was stored (ms since the epoch). */
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
	const shared = requests.get(key) ?? { shareUntil: 0 };
	requests.set(key, shared);
	if (shared.pending) return await shared.pending;
	const held = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	const { token } = shared;
	if (token && token.accessToken !== held && Date.now() < shared.shareUntil && stillValid(token))
		return token;
	shared.pending = fetchToken();
	try {
		shared.token = await shared.pending;
		shared.shareUntil = Date.now() + STRAGGLERS_MS;
		return shared.token;
	} finally {
		shared.pending = undefined;
	}
}

/**
 * Forgets every shared token: for a process that knows Orange ended them all and the credentials
 * were replaced (the test suites' reset between two tests), where a token shared for a few more
 * seconds would only earn a 401.
 */
export function forgetSharedTokens(): void {
	requests.clear();
}
