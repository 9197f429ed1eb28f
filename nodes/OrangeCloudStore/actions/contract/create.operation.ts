import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { timeoutOf } from '../../../shared/options';

import { requestOptions } from '../../descriptions/locators';

import { orangeApiRequest } from '../../../shared/transport';
import {
	checkEmail,
	checkOption,
	checkPhone,
	optionalText,
	requireText,
} from '../../../shared/validation';
import { cloudStoreApi } from '../../helpers/api';
import { CIVILITIES, civilityOptions } from '../../descriptions/civility';

const properties: INodeProperties[] = [
	{
		displayName: 'Billing Account ID',
		name: 'billingAccountId',
		type: 'string',
		default: '',
		required: true,
		description: 'The billing account the new contract is attached to',
	},
	{
		displayName: 'Offer Code',
		name: 'offerCode',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'HONEY',
		description: 'Code of the Cloud Store offer to subscribe to',
	},
	{
		displayName: 'Contract Name',
		name: 'contractName',
		type: 'string',
		default: '',
		required: true,
	},
	{
		displayName: 'Support Level',
		name: 'supportLevel',
		type: 'string',
		default: 'BSC',
		required: true,
		description: 'Support level code of the offer, such as BSC (basic)',
	},
	{
		displayName: 'Referent Civility',
		name: 'referentCivility',
		type: 'options',
		options: civilityOptions,
		default: 'M',
		description: "The contract referent's civility",
	},
	{
		displayName: 'Referent Last Name',
		name: 'referentLastName',
		type: 'string',
		default: '',
		required: true,
	},
	{
		displayName: 'Referent First Name',
		name: 'referentFirstName',
		type: 'string',
		default: '',
		required: true,
	},
	{
		displayName: 'Referent Email',
		name: 'referentEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'External Reference 1', name: 'referenceExt1', type: 'string', default: '' },
			{ displayName: 'External Reference 2', name: 'referenceExt2', type: 'string', default: '' },
			{ displayName: 'External Reference 3', name: 'referenceExt3', type: 'string', default: '' },
			{
				displayName: 'Referent Landline Phone',
				name: 'referentFixPhone',
				type: 'string',
				default: '',
				placeholder: '0102030405',
			},
			{
				displayName: 'Referent Mobile Phone',
				name: 'referentMobilePhone',
				type: 'string',
				default: '',
				placeholder: '0607080910',
			},
		],
	},
	requestOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contract'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const text = (name: string, field: string) =>
		requireText(node, itemIndex, field, this.getNodeParameter(name, itemIndex, ''));
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	// Field names on the wire are those of Orange's own example (referentName, referentMail).
	const body: IDataObject = {
		billingAccountId: text('billingAccountId', 'Billing Account ID'),
		offerCode: text('offerCode', 'Offer Code'),
		contractName: text('contractName', 'Contract Name'),
		supportLevel: text('supportLevel', 'Support Level'),
		referentCivility: checkOption(
			node,
			itemIndex,
			'Referent Civility',
			this.getNodeParameter('referentCivility', itemIndex, 'M'),
			CIVILITIES,
		),
		referentName: text('referentLastName', 'Referent Last Name'),
		referentFirstName: text('referentFirstName', 'Referent First Name'),
		referentMail: checkEmail(
			node,
			itemIndex,
			'Referent Email',
			this.getNodeParameter('referentEmail', itemIndex, ''),
		),
	};
	const fixPhone = checkPhone(
		node,
		itemIndex,
		'Referent Landline Phone',
		additional.referentFixPhone,
	);
	const mobilePhone = checkPhone(
		node,
		itemIndex,
		'Referent Mobile Phone',
		additional.referentMobilePhone,
	);
	if (fixPhone) body.referentFixPhone = fixPhone;
	if (mobilePhone) body.referentMobilePhone = mobilePhone;
	for (const [key, label] of [
		['referenceExt1', 'External Reference 1'],
		['referenceExt2', 'External Reference 2'],
		['referenceExt3', 'External Reference 3'],
	]) {
		const value = optionalText(node, itemIndex, label, additional[key]);
		if (value !== undefined) body[key] = value;
	}

	const created = await orangeApiRequest.call(this, cloudStoreApi, {
		method: 'POST',
		path: '/contract',
		body,
		itemIndex,
		timeout: timeoutOf(this, itemIndex),
	});
	return this.helpers.constructExecutionMetaData(
		this.helpers.returnJsonArray(created as IDataObject),
		{
			itemData: { item: itemIndex },
		},
	);
}
