import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OrangeApi } from '../../shared/gateway';
import { perRun } from '../../shared/perRun';
import { isValidSiren } from './inputs';
import type { Requester } from './wireFormat';
import { DEFAULT_ELIGIBILITY_PATH } from './wireFormat';

export const eligibilityApi: OrangeApi = {
	credentialType: 'orangeEligibilityApi',
	// The path comes whole from the credential (its Eligibility API Path).
	basePath: '',
	label: 'Orange Eligibility',
	formatHint:
		'the path or the request format differs from what your API answers: check the credential\'s "Eligibility API Path" against the API reference Orange gave you (documentation: "The eligibility wire")',
};

/** What a run of the node takes from its credential besides the token. */
export interface EligibilitySettings {
	requester: Requester;
	/** Where checks are sent, under the credential's base URL. */
	path: string;
}

function credentialProblem(context: IExecuteFunctions, label: string, message: string) {
	return new NodeOperationError(
		context.getNode(),
		`Invalid ${label} in the Orange Eligibility API credential: ${message}`,
		{
			description:
				'Fix it in the credential: the values are those of your "Eligibilité Opérateur" order form and API reference.',
		},
	);
}

/** The credential's path, or the default when empty; a path that would leave the API is refused. */
export function eligibilityPathOf(value: unknown): string | undefined {
	const path = String(value ?? '').trim() || DEFAULT_ELIGIBILITY_PATH;
	const normalized = path.startsWith('/') ? path : `/${path}`;
	if (!/^(\/[A-Za-z0-9._~-]+)+\/?$/.test(normalized) || /\/\.\.?(\/|$)/.test(normalized))
		return undefined;
	return normalized;
}

async function readSettings(context: IExecuteFunctions): Promise<EligibilitySettings> {
	const credentials = await context.getCredentials(eligibilityApi.credentialType);
	const field = (name: string) => String(credentials[name] ?? '').trim();
	const login = field('login');
	const siren = field('siren').replace(/\s/g, '');
	const contractNumber = field('contractNumber');
	const path = eligibilityPathOf(credentials.eligibilityPath);
	if (login === '') throw credentialProblem(context, 'Espace Opérateur Login', 'it is empty');
	if (!isValidSiren(siren))
		throw credentialProblem(
			context,
			'SIREN',
			`"${siren}" is not a SIREN (9 digits with a valid check digit)`,
		);
	if (contractNumber === '')
		throw credentialProblem(context, 'Optimum Contract Number', 'it is empty');
	if (!path)
		throw credentialProblem(
			context,
			'Eligibility API Path',
			`"${field('eligibilityPath')}" is not a URL path (such as ${DEFAULT_ELIGIBILITY_PATH})`,
		);
	return { requester: { login, siren, contractNumber }, path };
}

/** The requester identity and path of the credential, read and checked once per node run. */
const settingsOfRun = perRun(readSettings);

export async function eligibilitySettingsOf(this: IExecuteFunctions): Promise<EligibilitySettings> {
	return await settingsOfRun(this);
}
