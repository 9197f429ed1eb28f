import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	advancedNotice,
	baseUrlProperty,
	bearerAuthentication,
	clientCredentialProperties,
	fetchOrangeAccessToken,
	originNotice,
	scopeProperty,
	sharedTokenRequest,
} from '../nodes/shared/gateway';

export class OrangeCloudStoreApi implements ICredentialType {
	name = 'orangeCloudStoreApi';

	displayName = 'Orange Cloud Store API';

	icon: Icon = { light: 'file:../icons/cloudStore.svg', dark: 'file:../icons/cloudStore.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-orange/n8n-nodes-orange/blob/main/docs/orange-cloud-store-api-credential.md';

	properties: INodeProperties[] = [
		originNotice(
			'Client ID and Client Secret: your application in Orange Developer (developer.orange.com → My apps). API Key: sent to you by the Cloud Store Customer Space API support team. The documentation link above walks through each step.',
		),
		...clientCredentialProperties,
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The API_KEY sent to you by the Cloud Store Customer Space API support team (valid 2 years). It decides which contracts the API can see.',
		},
		advancedNotice,
		baseUrlProperty,
		scopeProperty,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await sharedTokenRequest(credentials, () =>
			fetchOrangeAccessToken.call(this, credentials),
		);
	}

	authenticate = bearerAuthentication('apiKey');

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}/cloud/b2b/v1',
			url: '/contracts',
			qs: { limit: 1 },
			headers: { Accept: 'application/json' },
		},
	};
}
