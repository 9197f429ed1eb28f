import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemOutput } from '../../../shared/items';
import { labelOf } from '../../../shared/labels';
import { timeoutOf } from '../../../shared/options';
import { orangeApiRequest } from '../../../shared/transport';
import { optionalText, requireText } from '../../../shared/validation';
import { civilityOptions } from '../../descriptions/civility';
import { requestOptions } from '../../descriptions/requestOptions';
import { personBody } from '../../helpers/person';
import { cloudStoreApi } from '../../transport';

export const option = {
	name: 'Create',
	value: 'create',
	description: 'Subscribe a new contract',
	action: 'Create a contract',
};

export const toolDescription =
	'Subscribes a new Orange Business Cloud Store contract, which Orange then bills: use it only when asked to. ' +
	'Needs the billing account ID, the offer code, a contract name, the support level and the referent person (civility, names, e-mail). Answers the new contract with its reference.';

export const properties: INodeProperties[] = [
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

// Field names on the wire are those of Orange's own example (referentName, referentMail).
const REFERENT = {
	civility: ['referentCivility', 'referentCivility'],
	lastName: ['referentLastName', 'referentName'],
	firstName: ['referentFirstName', 'referentFirstName'],
	email: ['referentEmail', 'referentMail'],
	fixPhone: ['referentFixPhone', 'referentFixPhone'],
	mobilePhone: ['referentMobilePhone', 'referentMobilePhone'],
} as const;

const CONTRACT_FIELDS = ['billingAccountId', 'offerCode', 'contractName', 'supportLevel'];
const EXTERNAL_REFERENCES = ['referenceExt1', 'referenceExt2', 'referenceExt3'];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const node = this.getNode();
	const body: IDataObject = {};
	for (const name of CONTRACT_FIELDS) {
		const value = this.getNodeParameter(name, itemIndex, '');
		body[name] = requireText(node, itemIndex, labelOf(properties, name), value);
	}
	Object.assign(body, personBody(this, itemIndex, properties, REFERENT));
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	for (const key of EXTERNAL_REFERENCES) {
		const value = optionalText(node, itemIndex, labelOf(properties, key), additional[key]);
		if (value !== undefined) body[key] = value;
	}
	return (await orangeApiRequest.call(this, cloudStoreApi, {
		method: 'POST',
		path: '/contract',
		body,
		itemIndex,
		timeout: timeoutOf(this, itemIndex),
	})) as IDataObject;
}
