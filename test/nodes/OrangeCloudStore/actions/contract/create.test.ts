import { describe, expect, it } from 'vitest';

import { runNode } from '../../../../helpers/engine.ts';
import { cloudCredentials, useSandbox } from '../../../../helpers/sandbox.ts';

const t = useSandbox();

const valid = {
	billingAccountId: 'BA0042001',
	offerCode: 'HONEY',
	contractName: 'Backup Lyon',
	supportLevel: 'BSC',
	referentCivility: 'Mme',
	referentLastName: 'Durand',
	referentFirstName: 'Alice',
	referentEmail: 'alice.durand@exemple.fr',
};

const create = (parameters: Record<string, unknown>, extra: { continueOnFail?: boolean } = {}) =>
	runNode(
		{
			type: 'orangeCloudStore',
			parameters: { resource: 'contract', operation: 'create', ...valid, ...parameters },
			credentials: cloudCredentials,
			...extra,
		},
		t.credentials,
	);

describe('contract create', () => {
	it("creates the contract with Orange's field names and returns its id", async () => {
		const { items, error } = await create({
			additionalFields: {
				referentFixPhone: '01 02 03 04 05',
				referentMobilePhone: '+33607080900',
				referenceExt1: 'PO-77',
			},
		});
		expect(error).toBeUndefined();
		expect(items[0].json.id).toMatch(/^OCB\d{7}$/);
		expect(t.sandbox.apiRequests()[0].body).toEqual({
			billingAccountId: 'BA0042001',
			offerCode: 'HONEY',
			contractName: 'Backup Lyon',
			supportLevel: 'BSC',
			referentCivility: 'Mme',
			referentName: 'Durand',
			referentFirstName: 'Alice',
			referentMail: 'alice.durand@exemple.fr',
			referentFixPhone: '0102030405',
			referentMobilePhone: '+33607080900',
			referenceExt1: 'PO-77',
		});
		expect(t.sandbox.contracts.some((c) => c.id === items[0].json.id)).toBe(true);
	});

	it.each([
		[
			{ referentEmail: 'alice@' },
			'Invalid Referent Email in item 0: "alice@" is not an e-mail address (expected an address such as jane.doe@example.fr)',
		],
		[{ referentCivility: 'Dr' }, 'Invalid Referent Civility in item 0: "Dr" is not one of M, Mme'],
		[{ contractName: '={{ "  " }}' }, 'Invalid Contract Name in item 0: it is empty'],
		[
			{ additionalFields: { referentMobilePhone: 'call me' } },
			'Invalid Referent Mobile Phone in item 0: "call me" is not a phone number (expected 6 to 15 digits, + or 00 before an international number, such as 01 42 00 00 01)',
		],
	])('refuses %j before any call', async (parameters, message) => {
		const { error } = await create(parameters);
		expect(error?.message).toBe(message);
		expect(t.sandbox.requests).toHaveLength(0);
	});

	it('does not send a creation twice after a 500: the outcome is unknown and the error says so', async () => {
		t.sandbox.addFault({
			kind: 'status',
			status: 500,
			path: '/cloud/b2b/v1/contract',
			method: 'POST',
		});
		const { error } = await create({});
		expect(t.sandbox.apiRequests()).toHaveLength(1);
		expect(error?.description).toContain('It was not sent again, to avoid doing it twice');
	});

	it('does send it again after a 429, which Orange answers before doing anything', async () => {
		t.sandbox.addFault({
			kind: 'rateLimit',
			path: '/cloud/b2b/v1/contract',
			method: 'POST',
			retryAfter: 0,
		});
		const { items, error } = await create({});
		expect(error).toBeUndefined();
		expect(items[0].json.id).toMatch(/^OCB/);
		expect(t.sandbox.createdContracts).toHaveLength(1);
	});

	it('does not retry a creation whose connection was reset', async () => {
		t.sandbox.addFault({ kind: 'reset', path: '/cloud/b2b/v1/contract', method: 'POST' });
		const { error } = await create({});
		expect(error?.message).toBe(
			'Orange Cloud Store: the outcome of POST /cloud/b2b/v1/contract is unknown (the connection was reset)',
		);
		expect(t.sandbox.apiRequests()).toHaveLength(1);
	});
});
