import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { timeoutOf } from '../../shared/options';
import { orangeApiRequest } from '../../shared/transport';
import { checkOption, invalidInput } from '../../shared/validation';
import { eligibilityApi, requesterOf } from './api';
import type { AddressQuery, OfferKey } from './wireFormat';
import { ELIGIBILITY_PATH, eligibilityRequestBody, OFFER_KEYS, simplifyAnswer } from './wireFormat';

/** The offers chosen for an item, checked (a list set by expression can hold anything). */
export function offersOf(this: IExecuteFunctions, itemIndex: number): OfferKey[] {
	const value = this.getNodeParameter('offers', itemIndex, OFFER_KEYS) as unknown;
	const list = Array.isArray(value) ? value : [value];
	if (list.length === 0)
		throw invalidInput(this.getNode(), itemIndex, 'Offers', 'choose at least one offer');
	return [
		...new Set(
			list.map((offer) => checkOption(this.getNode(), itemIndex, 'Offers', offer, OFFER_KEYS)),
		),
	];
}

/** Sends one eligibility check and shapes its answer into the item's output. */
export async function checkEligibility(
	this: IExecuteFunctions,
	itemIndex: number,
	offers: OfferKey[],
	target: { nd: string } | { address: AddressQuery },
): Promise<INodeExecutionData[]> {
	const requester = await requesterOf.call(this);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const answer = (await orangeApiRequest.call(this, eligibilityApi, {
		method: 'POST',
		path: ELIGIBILITY_PATH,
		body: eligibilityRequestBody(requester, offers, target),
		// A check changes nothing at Orange: sending it again is harmless.
		idempotent: true,
		timeout: timeoutOf(this, itemIndex),
		itemIndex,
	})) as IDataObject;
	const json = simplify
		? { ...('nd' in target ? { nd: target.nd } : {}), ...simplifyAnswer(answer, offers) }
		: answer;
	return [{ json, pairedItem: { item: itemIndex } }];
}
