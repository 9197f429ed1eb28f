/**
 * A person's fields — civility, names, e-mail, phones — as contract creation (its referent) and
 * user addition send them. Each operation says which parameter holds a field and the key Orange's
 * API names it by; errors name the field by its parameter's own display name.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	checkOption,
	checkOptionalPattern,
	checkPattern,
	requireText,
} from '../../shared/validation';
import { CIVILITIES } from '../descriptions/civility';
import { labelOf } from '../../shared/labels';

/** A parameter of the operation, and the key the API names its value by. */
export type PersonField = readonly [parameter: string, key: string];

export interface PersonFields {
	civility: PersonField;
	lastName: PersonField;
	firstName: PersonField;
	email: PersonField;
	/** Phones are in the operation's Additional Fields collection. */
	fixPhone: PersonField;
	mobilePhone: PersonField;
	/** Sent as '' when left empty; by default, left out. */
	emptyPhone?: '';
}

/** Reads and checks an item's person fields into the body keys the API expects. */
export function personBody(
	context: IExecuteFunctions,
	itemIndex: number,
	properties: INodeProperties[],
	fields: PersonFields,
): IDataObject {
	const node = context.getNode();
	const label = (name: string) => labelOf(properties, name);
	const parameter = ([name]: PersonField, fallback = '') =>
		context.getNodeParameter(name, itemIndex, fallback);
	const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const [civility, lastName, firstName, email] = [
		fields.civility,
		fields.lastName,
		fields.firstName,
		fields.email,
	];
	const body: IDataObject = {
		[civility[1]]: checkOption(
			node,
			itemIndex,
			label(civility[0]),
			parameter(civility, 'M'),
			CIVILITIES,
		),
		[lastName[1]]: requireText(node, itemIndex, label(lastName[0]), parameter(lastName)),
		[firstName[1]]: requireText(node, itemIndex, label(firstName[0]), parameter(firstName)),
		[email[1]]: checkPattern(node, itemIndex, label(email[0]), parameter(email), 'email'),
	};
	for (const [name, key] of [fields.fixPhone, fields.mobilePhone]) {
		const phone = checkOptionalPattern(node, itemIndex, label(name), additional[name], 'phone');
		if (phone !== undefined || fields.emptyPhone !== undefined)
			body[key] = phone ?? fields.emptyPhone;
	}
	return body;
}
