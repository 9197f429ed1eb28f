import { describe, expect, it } from 'vitest';

import { runNode } from '../../../../helpers/engine.ts';
import { cloudCredentials, useSandbox } from '../../../../helpers/sandbox.ts';

const t = useSandbox();

const valid = {
	contractId: { __rl: true, mode: 'id', value: 'OCB0001234' },
	civility: 'M',
	lastName: 'Doe',
	firstName: 'John',
	email: 'john.doe@orange.com',
	login: 'john.doe',
	role: 'visitor',
};

const add = (parameters: Record<string, unknown>) =>
	runNode(
		{
			type: 'orangeCloudStore',
			parameters: { resource: 'user', operation: 'add', ...valid, ...parameters },
			credentials: cloudCredentials,
		},
		t.credentials,
	);

describe('user add', () => {
	it("adds the user with Orange's body, roles.contracts included", async () => {
		const { items, error } = await add({
			role: 'manager',
			additionalFields: { fixPhone: '01.02.03.04.05' },
		});
		expect(error).toBeUndefined();
		const call = t.sandbox.apiRequests()[0];
		expect(call.method).toBe('POST');
		expect(call.path).toBe('/cloud/b2b/v1/contract/OCB0001234/user');
		expect(call.body).toEqual({
			civility: 'M',
			lastName: 'Doe',
			firstName: 'John',
			email: 'john.doe@orange.com',
			login: 'john.doe',
			fixPhone: '0102030405',
			mobilePhone: '',
			roles: { contracts: ['manager'] },
		});
		expect(items[0].json).toMatchObject({
			contractId: 'OCB0001234',
			login: 'john.doe',
			roles: { contracts: ['manager'] },
		});
	});

	it.each([
		[{ login: 'short' }, /^Invalid Login in item 0: "short" is not a Cloud Store login \(expected 8 to 64 characters/],
		[{ login: 'x'.repeat(65) }, /^Invalid Login in item 0: it is longer than 64 characters/],
		[{ login: 'jérôme.dupont' }, /^Invalid Login in item 0: "jérôme.dupont" is not a Cloud Store login \(expected 8 to 64/],
		[{ email: 'john.doe@@orange.com' }, /^Invalid Email in item 0/],
		[{ civility: '={{ "Mr" }}' }, /^Invalid Civility in item 0: "Mr" is not one of M, Mme/],
		[{ role: '={{ "admin" }}' }, /^Invalid Role in item 0: "admin" is not one of visitor, manager/],
		[
			{ contractId: { __rl: true, mode: 'id', value: '={{ "OCB1/../../x" }}' } },
			/^Invalid Contract in item 0/,
		],
	])('refuses %j before any call', async (parameters, message) => {
		const { error } = await add(parameters);
		expect(error?.message).toMatch(message);
		expect(t.sandbox.requests).toHaveLength(0);
	});

	it("reports Orange's 404 for a contract outside the perimeter", async () => {
		const { error } = await add({ contractId: { __rl: true, mode: 'id', value: 'OCB0000000' } });
		expect(error?.message).toBe(
			'Orange Cloud Store: Contract OCB0000000 not found in your perimeter.',
		);
		expect(t.sandbox.addedUsers).toHaveLength(0);
	});

	it('does not add the user twice when the answer times out', async () => {
		t.sandbox.addFault({
			kind: 'status',
			status: 504,
			path: '/cloud/b2b/v1/contract/OCB0001234/user',
		});
		const { error } = await add({});
		expect(t.sandbox.apiRequests()).toHaveLength(1);
		expect(error?.description).toContain('may have been carried out');
	});
});
