import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OrangeApi } from '../../shared/gateway';
import { isValidSiren } from './inputs';
import type { Requester } from './wireFormat';
import { ELIGIBILITY_BASE_PATH } from './wireFormat';

export const eligibilityApi: OrangeApi = {
	credentialType: 'orangeEligibilityApi',
	basePath: ELIGIBILITY_BASE_PATH,
	label: 'Orange Eligibility',
};

const requesters = new WeakMap<object, Promise<Requester>>();

/** The requester identity of the credential, read and checked once per node run. */
export async function requesterOf(this: IExecuteFunctions): Promise<Requester> {
	let requester = requesters.get(this);
	if (!requester) {
		requester = (async () => {
			const credentials = await this.getCredentials(eligibilityApi.credentialType);
			const field = (name: string) => String(credentials[name] ?? '').trim();
			const problem = (label: string, message: string) =>
				new NodeOperationError(
					this.getNode(),
					`Invalid ${label} in the Orange Eligibility API credential: ${message}`,
					{
						description:
							'Fix it in the credential: the values are those of your "Eligibilité Opérateur" order form.',
					},
				);
			const login = field('login');
			const siren = field('siren').replace(/\s/g, '');
			const contractNumber = field('contractNumber');
			if (login === '') throw problem('Espace Opérateur Login', 'it is empty');
			if (!isValidSiren(siren))
				throw problem('SIREN', `"${siren}" is not a SIREN (9 digits with a valid check digit)`);
			if (contractNumber === '') throw problem('Optimum Contract Number', 'it is empty');
			return { login, siren, contractNumber };
		})();
		requesters.set(this, requester);
	}
	return await requester;
}
