/**
 * Orange's API gateway, as both credentials and the transport see it: conventions (base URL,
 * headers, error bodies), the credentials' fields, the token request (`preAuthentication`) and
 * when a held token may be sent (`authenticate`).
 */
export * from './conventions';
export * from './credentialProperties';
export * from './heldToken';
export * from './tokenRequest';
