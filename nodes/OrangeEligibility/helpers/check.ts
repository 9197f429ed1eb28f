import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/items';
import { nodeOf } from '../../shared/items';
import { timeoutOf } from '../../shared/options';
import { itemParameter } from '../../shared/parameters';
import { orangeApiRequest } from '../../shared/transport';
import { checkOption, invalidInput } from '../../shared/validation';
import { eligibilityApi, eligibilitySettingsOf } from './api';
import { simplifyAnswer } from './answerReader';
import type { CheckedPlace, OfferKey } from './wireFormat';
import { eligibilityRequestBody, OFFER_KEYS } from './wireFormat';

/** The offers chosen, checked (a list set by expression can hold anything). */
function checkOffers(value: unknown, itemIndex: number, context: IExecuteFunctions): OfferKey[] {
	const list = Array.isArray(value) ? value : [value];
	if (list.length === 0)
		throw invalidInput(nodeOf(context), itemIndex, 'Offers', 'choose at least one offer');
	return [
		...new Set(
			list.map((offer) => checkOption(nodeOf(context), itemIndex, 'Offers', offer, OFFER_KEYS)),
		),
	];
}

/** The offers chosen for an item: read once per run unless set by expression. */
export function offersOf(this: IExecuteFunctions, itemIndex: number): OfferKey[] {
	return itemParameter(this, 'offers', itemIndex, OFFER_KEYS, checkOffers);
}

/** Reads one field of what to check: its name (parameter and input field alike) and its label. */
export type FieldReader = (name: string, label: string, optional?: boolean) => unknown;

/**
 * The fields of what an item checks: the node's parameters or, with Mapping Mode "Map
 * Automatically", the input item's own fields of the same names — no expression to evaluate.
 */
export function fieldReaderFor(
	this: IExecuteFunctions,
	itemIndex: number,
	expectedFields: string,
): FieldReader {
	const mode = itemParameter(this, 'mappingMode', itemIndex, 'defineBelow');
	if (mode !== 'autoMapInputData') return (name) => itemParameter(this, name, itemIndex, '');
	const json = this.getInputData()[itemIndex]?.json ?? {};
	return (name, label, optional = false) => {
		const value = json[name];
		if ((value === undefined || value === null) && !optional) {
			throw invalidInput(
				nodeOf(this),
				itemIndex,
				label,
				`the input item has no field "${name}"`,
				`With Mapping Mode "Map Automatically", each input item needs ${expectedFields}. Rename its fields with an Edit Fields (Set) node, or map each field below.`,
			);
		}
		return value ?? '';
	};
}

/** Sends one eligibility check and shapes its answer into the item's output. */
export async function checkEligibility(
	this: IExecuteFunctions,
	itemIndex: number,
	place: CheckedPlace,
): Promise<IDataObject> {
	const offers = offersOf.call(this, itemIndex);
	const { requester, path } = await eligibilitySettingsOf.call(this);
	const simplify = itemParameter(this, 'simplify', itemIndex, true) as boolean;
	const answer = (await orangeApiRequest.call(this, eligibilityApi, {
		method: 'POST',
		path,
		body: eligibilityRequestBody(requester, offers, place),
		// A check changes nothing at Orange: sending it again is harmless.
		idempotent: true,
		timeout: timeoutOf(this, itemIndex),
		itemIndex,
	})) as IDataObject;
	if (!simplify) return answer;
	return { ...(place.kind === 'line' ? { nd: place.nd } : {}), ...simplifyAnswer(answer, offers) };
}

/** Reads and checks the place an item checks, from its fields. */
export type PlaceReader = (
	context: IExecuteFunctions,
	itemIndex: number,
	field: FieldReader,
) => CheckedPlace;

/** A check's execute: its place read and checked, then the check sent. */
export function checkExecute(expectedFields: string, readPlace: PlaceReader): ItemOperation {
	return async function execute(this: IExecuteFunctions, itemIndex: number) {
		const field = fieldReaderFor.call(this, itemIndex, expectedFields);
		return await checkEligibility.call(this, itemIndex, readPlace(this, itemIndex, field));
	};
}
