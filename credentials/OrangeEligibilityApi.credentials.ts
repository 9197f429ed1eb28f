import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL, fetchOrangeAccessToken } from '../nodes/shared/gateway';

export class OrangeEligibilityApi implements ICredentialType {
	name = 'orangeEligibilityApi';

	displayName = 'Orange Eligibility API';

	icon: Icon = { light: 'file:../icons/eligibility.svg', dark: 'file:../icons/eligibility.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-orange/n8n-nodes-orange#orange-eligibility-api-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
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
		{
			displayName: 'Espace Opérateur Login',
			name: 'login',
			type: 'string',
			default: '',
			required: true,
			description: 'Your login to the Orange Wholesale France Espace Opérateur, as given when subscribing',
		},
		{
			displayName: 'SIREN',
			name: 'siren',
			type: 'string',
			default: '',
			required: true,
			placeholder: '552081317',
			description: "Your company's SIREN: 9 digits",
		},
		{
			displayName: 'Optimum Contract Number',
			name: 'contractNumber',
			type: 'string',
			default: '',
			required: true,
			description: 'The contract number of the "Eligibilité Opérateur" order form (Conditions Générales e-services)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description: "Orange's API gateway. Change it only for a proxy or the package's sandbox.",
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await fetchOrangeAccessToken.call(this, credentials);
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	// The token is what proves client ID and secret; the eligibility call itself needs an address.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/eligibilite-operateur/v1/eligibility',
			method: 'POST',
			headers: { Accept: 'application/json' },
			body: {
				requester: {
					login: '={{$credentials.login}}',
					siren: '={{$credentials.siren}}',
					contractNumber: '={{$credentials.contractNumber}}',
				},
				offers: ['OPTIMUM_ACCESS'],
				nd: '0100000000',
			},
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'Orange refused the token: check client ID and secret' },
			},
		],
	};
}
