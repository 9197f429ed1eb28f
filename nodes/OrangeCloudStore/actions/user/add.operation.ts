import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOutput } from '../../../shared/items';
import { timeoutOf } from '../../../shared/options';
import { orangeApiRequest, pathSegment } from '../../../shared/transport';
import type { TextPattern } from '../../../shared/validation';
import { checkOption, checkPattern } from '../../../shared/validation';
import { civilityOptions } from '../../descriptions/civility';
import { contractLocator } from '../../descriptions/locators';
import { requestOptions } from '../../descriptions/requestOptions';
import { contractIdOf } from '../../helpers/ids';
import { personBody } from '../../helpers/person';
import { cloudStoreApi, CONTRACT_HEADER } from '../../transport';

export const option = {
	name: 'Add',
	value: 'add',
	description: 'Give a person access to a contract',
	action: 'Add a user to a contract',
};

export const toolDescription =
	'Gives a person access to an Orange Business Cloud Store contract, as a new user with a role (visitor by default): use it only when asked to. ' +
	'Needs the contract reference (such as OCB0001234), the login (8 to 64 characters: letters, digits, dot, underscore, hyphen), civility, last name, first name and e-mail.';

const ROLES = ['visitor', 'manager'] as const;

export const properties: INodeProperties[] = [
	contractLocator,
	{
		displayName: 'Civility',
		name: 'civility',
		type: 'options',
		options: civilityOptions,
		default: 'M',
	},
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', required: true },
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', required: true },
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
	},
	{
		displayName: 'Login',
		name: 'login',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'john.doe',
		description:
			'8 to 64 characters: letters and digits without accents, dot, underscore, hyphen. If the email already has a login, Orange keeps the existing one.',
	},
	{
		displayName: 'Role',
		name: 'role',
		type: 'options',
		options: [
			{ name: 'Visitor', value: 'visitor', description: 'Can see the contract' },
			{ name: 'Manager', value: 'manager', description: 'Can also manage it, and its users' },
		],
		default: 'visitor',
		description: "The user's role on the contract",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Landline Phone',
				name: 'fixPhone',
				type: 'string',
				default: '',
				placeholder: '0102030405',
			},
			{
				displayName: 'Mobile Phone',
				name: 'mobilePhone',
				type: 'string',
				default: '',
				placeholder: '0607080910',
			},
		],
	},
	requestOptions,
];

const LOGIN: TextPattern = {
	maxLength: 64,
	pattern: /^[A-Za-z0-9._-]{8,64}$/,
	problem: 'is not a Cloud Store login',
	expected:
		'8 to 64 characters: letters and digits without accents, dot, underscore or hyphen, such as jane.doe',
};

const USER = {
	civility: ['civility', 'civility'],
	lastName: ['lastName', 'lastName'],
	firstName: ['firstName', 'firstName'],
	email: ['email', 'email'],
	fixPhone: ['fixPhone', 'fixPhone'],
	mobilePhone: ['mobilePhone', 'mobilePhone'],
	emptyPhone: '',
} as const;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const node = this.getNode();
	const contractId = contractIdOf.call(this, itemIndex);
	const login = checkPattern(
		node,
		itemIndex,
		'Login',
		this.getNodeParameter('login', itemIndex, ''),
		LOGIN,
	);
	const person = personBody(this, itemIndex, properties, USER);
	const role = this.getNodeParameter('role', itemIndex, 'visitor');
	const roles = { contracts: [checkOption(node, itemIndex, 'Role', role, ROLES)] };
	const body = { ...person, login, roles };
	const user = await orangeApiRequest.call(this, cloudStoreApi, {
		method: 'POST',
		path: `/contract/${pathSegment(contractId)}/user`,
		headers: { [CONTRACT_HEADER]: contractId },
		body,
		itemIndex,
		timeout: timeoutOf(this, itemIndex),
	});
	return { contractId, ...(user as IDataObject) };
}
