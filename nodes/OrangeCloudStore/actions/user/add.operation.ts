import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { timeoutOf } from '../../../shared/options';

import { orangeApiRequest, pathSegment } from '../../../shared/transport';
import {
	checkEmail,
	checkOption,
	checkPhone,
	invalidInput,
	quote,
	requireText,
} from '../../../shared/validation';
import { cloudStoreApi, CONTRACT_HEADER, contractIdOf } from '../../helpers/api';
import { contractLocator, requestOptions } from '../../descriptions/locators';
import { CIVILITIES, civilityOptions } from '../../descriptions/civility';

const ROLES = ['visitor', 'manager'] as const;

const properties: INodeProperties[] = [
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

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['add'] } },
	properties,
);

const LOGIN = /^[A-Za-z0-9._-]{8,64}$/;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const contractId = contractIdOf.call(this, itemIndex);
	const text = (name: string, field: string) =>
		requireText(node, itemIndex, field, this.getNodeParameter(name, itemIndex, ''));
	const login = requireText(
		node,
		itemIndex,
		'Login',
		this.getNodeParameter('login', itemIndex, ''),
		{
			maxLength: 64,
		},
	);
	if (!LOGIN.test(login)) {
		throw invalidInput(
			node,
			itemIndex,
			'Login',
			`${quote(login)} must be 8 to 64 characters: letters and digits without accents, dot, underscore or hyphen`,
		);
	}
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		civility: checkOption(
			node,
			itemIndex,
			'Civility',
			this.getNodeParameter('civility', itemIndex, 'M'),
			CIVILITIES,
		),
		lastName: text('lastName', 'Last Name'),
		firstName: text('firstName', 'First Name'),
		email: checkEmail(node, itemIndex, 'Email', this.getNodeParameter('email', itemIndex, '')),
		login,
		fixPhone: checkPhone(node, itemIndex, 'Landline Phone', additional.fixPhone) ?? '',
		mobilePhone: checkPhone(node, itemIndex, 'Mobile Phone', additional.mobilePhone) ?? '',
		roles: {
			contracts: [
				checkOption(
					node,
					itemIndex,
					'Role',
					this.getNodeParameter('role', itemIndex, 'visitor'),
					ROLES,
				),
			],
		},
	};

	const user = await orangeApiRequest.call(this, cloudStoreApi, {
		method: 'POST',
		path: `/contract/${pathSegment(contractId)}/user`,
		headers: { [CONTRACT_HEADER]: contractId },
		body,
		itemIndex,
		timeout: timeoutOf(this, itemIndex),
	});
	return this.helpers.constructExecutionMetaData(
		this.helpers.returnJsonArray({ contractId, ...(user as IDataObject) }),
		{ itemData: { item: itemIndex } },
	);
}
