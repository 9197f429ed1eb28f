import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_BASE_URL } from './conventions';

/** The fields every Orange credential has: the token n8n keeps, the application's client id and secret. */
export const clientCredentialProperties: INodeProperties[] = [
	{
		displayName: 'Access Token',
		name: 'accessToken',
		type: 'hidden',
		typeOptions: { expirable: true, password: true },
		default: '',
	},
	// Kept beside the token by preAuthentication: which client id, secret and gateway it was issued
	// for, and until when. See `heldTokenIsUsable`.
	{
		displayName: 'Access Token Issued For',
		name: 'accessTokenIssuedFor',
		type: 'hidden',
		typeOptions: { password: true },
		default: '',
	},
	{
		displayName: 'Access Token Expires At',
		name: 'accessTokenExpiresAt',
		type: 'hidden',
		default: '',
	},
	{
		displayName: 'Client ID',
		name: 'clientId',
		type: 'string',
		default: '',
		required: true,
		description: 'Client ID of your application in Orange Developer → My apps',
	},
	{
		displayName: 'Client Secret',
		name: 'clientSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'Client secret of your application in Orange Developer → My apps',
	},
];

/** Where a credential's values come from: a notice at the top of its form. */
export function originNotice(where: string): INodeProperties {
	return { displayName: where, name: 'originNotice', type: 'notice', default: '' };
}

/** Heads the fields almost nobody changes, so that they do not read as more to fill. */
export const advancedNotice: INodeProperties = {
	displayName:
		'Optional: leave the fields below as they are unless Orange (or your proxy) tells you otherwise',
	name: 'advancedNotice',
	type: 'notice',
	default: '',
};

export const baseUrlProperty: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: DEFAULT_BASE_URL,
	description: "Orange's API gateway. Change it only for a proxy or the package's sandbox.",
};

/** Some Orange Wholesale APIs want a scope in the token request; most want none. */
export const scopeProperty: INodeProperties = {
	displayName: 'Scope',
	name: 'scope',
	type: 'string',
	default: '',
	placeholder: 'e.g. owf:eligibility:readonly (empty unless Orange names one)',
	description:
		'Sent in the token request only when set (several scopes separated by spaces). Leave empty unless Orange asks for one.',
};
