import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/items';
import { nodeOf } from '../../shared/items';
import { timeoutOf } from '../../shared/options';
import { itemParameter } from '../../shared/parameters';
import { orangeAnswerOf, orangeApiRequest } from '../../shared/transport';
import { checkOption, invalidInput } from '../../shared/validation';
import type { InputField } from '../descriptions/options';
import { FLAT_OUTPUT_VERSION, fieldList, STATUS_LANGUAGES } from '../descriptions/options';
import { eligibilityApi, eligibilitySettingsOf } from './api';
import { simplifyAnswer } from './answerReader';
import type { StatusLanguage } from './flatOutput';
import { flatAnswer, notFoundRecord } from './flatOutput';
import type { CheckedPlace, OfferKey } from './wireFormat';
import { eligibilityRequestBody, OFFER_KEYS } from './wireFormat';

/** The offers chosen, checked (a list set by expression can hold anything). */
function checkOffers(value: unknown, itemIndex: number, context: IExecuteFunctions): OfferKey[] {
	const list = Array.isArray(value) ? value : [value];
	if (list.length === 0)
		throw invalidInput(
			nodeOf(context),
			itemIndex,
			'Offers',
			`choose at least one offer (expected some of ${OFFER_KEYS.join(', ')})`,
		);
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
	inputFields: InputField[],
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
				`With Mapping Mode "Map Automatically", each input item needs these fields: ${fieldList(inputFields)}. Rename its fields with an Edit Fields (Set) node, or map each field below.`,
			);
		}
		return value ?? '';
	};
}

/** Sends one eligibility check: Orange's answer as it came. */
async function sendCheck(
	context: IExecuteFunctions,
	itemIndex: number,
	place: CheckedPlace,
	offers: OfferKey[],
): Promise<IDataObject> {
	const { requester, path } = await eligibilitySettingsOf.call(context);
	return (await orangeApiRequest.call(context, eligibilityApi, {
		method: 'POST',
		path,
		body: eligibilityRequestBody(requester, offers, place),
		// A check changes nothing at Orange: sending it again is harmless.
		idempotent: true,
		timeout: timeoutOf(context, itemIndex),
		itemIndex,
	})) as IDataObject;
}

/** Version 2's options that shape its output. */
interface OutputOptions {
	failIfNotFound: boolean;
	language: StatusLanguage;
}

function outputOptions(options: unknown, itemIndex: number, context: IExecuteFunctions) {
	const { failIfNotFound, statusLanguage } = (options ?? {}) as IDataObject;
	const language = statusLanguage ?? 'english';
	return {
		failIfNotFound: failIfNotFound === true,
		language: checkOption(nodeOf(context), itemIndex, 'Status Labels', language, STATUS_LANGUAGES),
	} satisfies OutputOptions;
}

/** Orange's words when an error says that the place asked for is unknown (not the path). */
function notFoundMessage(error: unknown): string | undefined {
	const answer = orangeAnswerOf(error);
	if (answer?.status !== 404 || answer.unknownPath) return undefined;
	const { description, message } = answer.body ?? {};
	return String(description ?? message ?? 'Not found');
}

/** Version 2: flat records; a place Orange does not know is an outcome unless told otherwise. */
async function flatCheck(
	context: IExecuteFunctions,
	itemIndex: number,
	place: CheckedPlace,
	offers: OfferKey[],
	simplify: boolean,
): Promise<IDataObject> {
	const { failIfNotFound, language } = itemParameter(
		context,
		'options',
		itemIndex,
		{},
		outputOptions,
	);
	// The transport's error (a NodeApiError, Orange's words) is passed on as it is, unless it is
	// an unknown place, which version 2 answers as an outcome.
	const sent = await sendCheck(context, itemIndex, place, offers).then(
		(answer) => ({ answer }),
		(error: unknown) => ({ error }),
	);
	if ('error' in sent) {
		const notFound = failIfNotFound ? undefined : notFoundMessage(sent.error);
		if (notFound === undefined) throw sent.error;
		return notFoundRecord(offers, place, language, notFound);
	}
	const { answer } = sent;
	if (!simplify) return answer;
	return flatAnswer(simplifyAnswer(answer, offers), offers, place, language);
}

/** Sends one eligibility check and shapes its answer into the item's output, as the node's version does. */
export async function checkEligibility(
	this: IExecuteFunctions,
	itemIndex: number,
	place: CheckedPlace,
): Promise<IDataObject> {
	const offers = offersOf.call(this, itemIndex);
	const simplify = itemParameter(this, 'simplify', itemIndex, true) as boolean;
	if (nodeOf(this).typeVersion >= FLAT_OUTPUT_VERSION)
		return await flatCheck(this, itemIndex, place, offers, simplify);
	const answer = await sendCheck(this, itemIndex, place, offers);
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
export function checkExecute(inputFields: InputField[], readPlace: PlaceReader): ItemOperation {
	return async function execute(this: IExecuteFunctions, itemIndex: number) {
		const field = fieldReaderFor.call(this, itemIndex, inputFields);
		return await checkEligibility.call(this, itemIndex, readPlace(this, itemIndex, field));
	};
}
