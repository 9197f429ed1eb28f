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
	FORMAT_ERROR_CODES,
	originNotice,
	RULE_JUDGED_TEST_HEADER,
	scopeProperty,
	sharedTokenRequest,
} from '../nodes/shared/gateway';
import {
	DEFAULT_ELIGIBILITY_PATH,
	eligibilityTestRequest,
} from '../nodes/OrangeEligibility/helpers/wireFormat';

export class OrangeEligibilityApi implements ICredentialType {
	name = 'orangeEligibilityApi';

	displayName = 'Orange Eligibility API';

	icon: Icon = {
		light: 'file:../icons/eligibility.svg',
		dark: 'file:../icons/eligibility.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-orange/n8n-nodes-orange/blob/main/docs/orange-eligibility-api-credential.md';

	properties: INodeProperties[] = [
		originNotice(
			'Client ID and Client Secret: your application in Orange Developer (developer.orange.com → My apps). Login, SIREN and contract number: those of your "Eligibilité Opérateur" order form. The documentation link above walks through each step.',
		),
		...clientCredentialProperties,
		{
			displayName: 'Espace Opérateur Login',
			name: 'login',
			type: 'string',
			default: '',
			required: true,
			description:
				'Your login to the Orange Wholesale France Espace Opérateur, as given when subscribing',
		},
		{
			displayName: 'SIREN',
			name: 'siren',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 552081317',
			description: "Your company's SIREN (9 digits), as on the order form",
		},
		{
			displayName: 'Optimum Contract Number',
			name: 'contractNumber',
			type: 'string',
			default: '',
			required: true,
			description:
				'The contract number of the "Eligibilité Opérateur" order form (Conditions Générales e-services)',
		},
		advancedNotice,
		baseUrlProperty,
		{
			displayName: 'Eligibility API Path',
			name: 'eligibilityPath',
			type: 'string',
			default: DEFAULT_ELIGIBILITY_PATH,
			description:
				'Where eligibility checks are sent, under the Base URL. Change it only if the API reference Orange gave you names another path.',
		},
		scopeProperty,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await sharedTokenRequest(credentials, () =>
			fetchOrangeAccessToken.call(this, credentials),
		);
	}

	authenticate = bearerAuthentication();

	// The test gets a token (proving client ID and secret), then checks a probe point: Orange's
	// verdict on it does not matter, only that it did not refuse the credential, the requester
	// (Espace Opérateur login, SIREN, contract number) or the request's format and path. The header
	// marks it for `bearerAuthentication`, so that a held token that is stale is renewed, not judged.
	test: ICredentialTestRequest = {
		request: eligibilityTestRequest({
			Accept: 'application/json',
			[RULE_JUDGED_TEST_HEADER]: 'probe',
		}),
		rules: [
			...[40, 41].map((code) => ({
				type: 'responseSuccessBody' as const,
				properties: {
					key: 'code',
					value: code,
					message: 'Orange refused the credentials: check the Client ID and Client Secret',
				},
			})),
			{
				// Only when Orange ends a token before its announced lifetime: a token known to be
				// expired or issued for other credentials is renewed before the probe.
				type: 'responseSuccessBody' as const,
				properties: {
					key: 'code',
					value: 42,
					message:
						'Orange says the access token n8n keeps for this credential has expired: the next run of an Orange Eligibility node renews it, then test again',
				},
			},
			...[50, 51, 52].map((code) => ({
				type: 'responseSuccessBody' as const,
				properties: {
					key: 'code',
					value: code,
					message:
						'Orange refused the requester: check the Espace Opérateur login, the SIREN and the contract number',
				},
			})),
			...FORMAT_ERROR_CODES.map((code) => ({
				type: 'responseSuccessBody' as const,
				properties: {
					key: 'code',
					value: code,
					message: `Orange did not understand the eligibility request (code ${code}): the client and requester may be right, but the request format or path differs from your API reference. Check the Eligibility API Path field, and see the README, section "The eligibility wire"`,
				},
			})),
		],
	};
}
