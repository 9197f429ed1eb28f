/**
 * The wire format of the "Eligibilité Opérateur" API (wire v2) — every field name in this one file.
 *
 * Orange gives the API reference to subscribers only. What it publishes ("Operator eligibility
 * France" getting-started pages) is a TM Forum TMF679 Product Offering Qualification vocabulary:
 * `productOfferingQualificationItem` with `qualificationItemResult` / `qualificationItemReason`,
 * the site as `geographicSite` / `geographicSubAddress` / `buildingCodeOI`, characteristics as
 * name/value pairs, the FTTE offers `FTTE_NRO`, `FTTE_PM`, `FTTE_active`. The request below is
 * ours, built on that vocabulary; the reader is tolerant, so that an answer that differs in its
 * details is still understood. Adapting the node to a subscriber's reference is a change here.
 *
 * Request: POST {baseUrl}{eligibilityPath}
 *   { instantSyncQualification, provideUnavailabilityReason,
 *     relatedParty: [{ role: "requester", id: login, siren, contractNumber }],
 *     productOfferingQualificationItem: [{ id: "1", productOffering: { id: "FTTE_NRO", name } }, …],
 *     place: { "@type": GeographicAddress | GeographicSubAddress | AccessLine | TextualAddress
 *              | GeographicLocation, … } }
 * Answer: { geographicSite: { place: {…}, geographicSubAddress: [{ buildingCodeOI, buildingName }] },
 *   productOfferingQualificationItem: [{ id, productOffering, qualificationItemResult,
 *     qualificationItemReason?, characteristic: [{ name, value }] }] }
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { definedOnly, squash, text } from './tolerantRead';

export const DEFAULT_ELIGIBILITY_PATH = '/eligibilite-operateur/v1/productOfferingQualification';

/** The offers by the node's option value: TMF679 id and name, and the code wire v1 used. */
export const OFFERS = {
	optimumAccess: { id: 'FTTE_NRO', name: 'Optimum Access', kind: 'passive', v1: 'OPTIMUM_ACCESS' },
	optimumPm: { id: 'FTTE_PM', name: 'Optimum PM', kind: 'passive', v1: 'OPTIMUM_PM' },
	optimumEthernetEntreprise: {
		id: 'FTTE_active',
		name: 'Optimum Ethernet Entreprise',
		kind: 'active',
		v1: 'OPTIMUM_ETHERNET_ENTREPRISE',
	},
	optimumEthernetLan: {
		id: 'FTTE_active',
		name: 'Optimum Ethernet LAN',
		kind: 'active',
		v1: 'OPTIMUM_ETHERNET_LAN',
	},
} as const;

export type OfferKey = keyof typeof OFFERS;
export const OFFER_KEYS = Object.keys(OFFERS) as OfferKey[];

export const STATUSES = {
	ELIGIBLE_DEPLOYED: 'Eligible réseau déployé',
	ELIGIBLE_PARTIALLY_DEPLOYED: 'Eligible réseau partiellement déployé',
	NOT_ELIGIBLE: 'Inéligible',
} as const;

export type Status = keyof typeof STATUSES;

const PARTIAL = /partiel|partial/;

/**
 * The canonical status of an offer: TMF679's `eligible` / `notEligible` (with a reason that may say
 * the network is only partly deployed), and the words of wire v1 and French labels as well.
 * Undefined for a word this file does not know: the caller passes it through untouched.
 */
export function canonicalStatus(result: unknown, reason?: unknown): Status | undefined {
	const word = squash(text(result));
	if (word === '') return undefined;
	if (/^(not|non|in)eligi/.test(word)) return 'NOT_ELIGIBLE';
	if (PARTIAL.test(word)) return 'ELIGIBLE_PARTIALLY_DEPLOYED';
	if (!/^eligible(reseaudeploye|deployed)?$|^deployed$/.test(word)) return undefined;
	return PARTIAL.test(squash(text(reason))) ? 'ELIGIBLE_PARTIALLY_DEPLOYED' : 'ELIGIBLE_DEPLOYED';
}

const offersNamed = new Map<string, OfferKey[]>();
for (const key of OFFER_KEYS) {
	for (const name of [key, OFFERS[key].id, OFFERS[key].name, OFFERS[key].v1]) {
		const keys = offersNamed.get(squash(name)) ?? [];
		if (!keys.includes(key)) keys.push(key);
		offersNamed.set(squash(name), keys);
	}
}

/**
 * The offers an id or name designates, case and accents ignored: one offer for its name or its
 * own id, every active offer for the id they share (`FTTE_active`), none for an unknown one.
 */
export function offersNamedBy(value: unknown): OfferKey[] {
	return offersNamed.get(squash(text(value))) ?? [];
}

/** What Orange's answer may call each part, first the published name, then variants seen or likely. */
export const WIRE_NAMES = {
	items: [
		'productOfferingQualificationItem',
		'productOfferingQualificationItems',
		'qualificationItem',
		'qualificationItems',
		'results',
		'offers',
		'items',
	],
	offerObject: ['productOffering', 'offering'],
	offerRef: ['id', 'name', 'code', 'label'],
	offerFlat: ['offer', 'offerCode', 'offerName', 'productOfferingId', 'productOfferingName'],
	itemId: ['id'],
	result: ['qualificationItemResult', 'qualificationResult', 'result', 'status', 'eligibility'],
	reason: [
		'qualificationItemReason',
		'eligibilityUnavailabilityReason',
		'unavailabilityReason',
		'reason',
	],
	reasonRef: ['code', 'label', 'name', 'value'],
	characteristics: ['characteristic', 'characteristics', 'productCharacteristic'],
	characteristicName: ['name', 'key', 'code'],
	characteristicValue: ['value', 'val'],
	nroCode: ['codeNRO', 'nroCode', 'NRO', 'codeNro', 'nro'],
	pmCode: ['codePM', 'pmCode', 'PM', 'codePm', 'pm'],
	blom: ['BLOM', 'codeBLOM', 'blomCode', 'blom'],
	/** Item fields that are not characteristics when they stand flat on an item (wire v1). */
	notCharacteristics: ['@type', '@baseType', '@schemaLocation', 'href', 'state', 'type'],
	site: ['geographicSite', 'site'],
	place: ['place', 'address', 'geographicAddress'],
	subAddresses: ['geographicSubAddress', 'geographicSubAddresses', 'buildings', 'subAddress'],
	buildingCode: ['buildingCodeOI', 'buildingCode', 'codeImmeuble', 'code'],
	buildingName: ['buildingName', 'name', 'label'],
	inseeCode: ['inseeCode', 'codeInsee', 'insee', 'cityCode'],
	rivoliCode: ['rivoliCode', 'codeRivoli', 'rivoli', 'streetCode'],
	streetNumber: ['streetNr', 'streetNumber', 'number', 'numeroVoie'],
	streetNumberComplement: ['streetNrSuffix', 'streetNumberComplement', 'streetNrSuffixLabel'],
	streetName: ['streetName', 'street', 'streetLabel', 'libelleVoie'],
	postcode: ['postcode', 'postCode', 'postalCode', 'zipCode', 'codePostal'],
	city: ['city', 'cityName', 'locality', 'commune'],
	label: ['label', 'fullAddress', 'addressLabel', 'formattedAddress'],
} as const;

export interface Requester {
	login: string;
	siren: string;
	contractNumber: string;
}

/** Where to check, as the operations hand it over: plain values. */
export type CheckedPlace =
	| {
			kind: 'address';
			inseeCode: string;
			rivoliCode: string;
			streetNumber: string;
			streetNumberComplement?: string;
	  }
	| { kind: 'building'; buildingCode: string }
	| { kind: 'line'; nd: string; ndStatus: 'active' | 'inactive' }
	| { kind: 'text'; address: string }
	| { kind: 'point'; latitude: number; longitude: number };

function placeOnWire(place: CheckedPlace): IDataObject {
	switch (place.kind) {
		case 'address':
			return definedOnly({
				'@type': 'GeographicAddress',
				inseeCode: place.inseeCode,
				rivoliCode: place.rivoliCode,
				streetNr: place.streetNumber,
				streetNrSuffix: place.streetNumberComplement,
			});
		case 'building':
			return { '@type': 'GeographicSubAddress', buildingCodeOI: place.buildingCode };
		case 'line':
			return { '@type': 'AccessLine', nd: place.nd, ndStatus: place.ndStatus };
		case 'text':
			return { '@type': 'TextualAddress', label: place.address };
		case 'point':
			return {
				'@type': 'GeographicLocation',
				latitude: place.latitude,
				longitude: place.longitude,
			};
	}
}

function requestedItems(offers: OfferKey[]): IDataObject[] {
	return offers.map((key, index) => ({
		id: String(index + 1),
		productOffering: { id: OFFERS[key].id, name: OFFERS[key].name },
	}));
}

function requesterParty(requester: Requester): IDataObject {
	const { login, siren, contractNumber } = requester;
	return { role: 'requester', id: login, siren, contractNumber };
}

export function eligibilityRequestBody(
	requester: Requester,
	offers: OfferKey[],
	place: CheckedPlace,
): IDataObject {
	return {
		instantSyncQualification: true,
		provideUnavailabilityReason: true,
		relatedParty: [requesterParty(requester)],
		productOfferingQualificationItem: requestedItems(offers),
		place: placeOnWire(place),
	};
}

/**
 * The credential's test: a check of one offer at a point in central Paris. Orange's verdict on the
 * point does not matter, only that it did not refuse the client, the requester or the request's
 * format (see the credential's rules).
 */
export function eligibilityTestRequest(headers: Record<string, string>): IHttpRequestOptions {
	return {
		baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
		url: `={{$credentials.eligibilityPath || "${DEFAULT_ELIGIBILITY_PATH}"}}`,
		method: 'POST',
		headers,
		ignoreHttpStatusErrors: true,
		body: eligibilityRequestBody(
			{
				login: '={{$credentials.login}}',
				siren: '={{$credentials.siren}}',
				contractNumber: '={{$credentials.contractNumber}}',
			},
			['optimumAccess'],
			{ kind: 'point', latitude: 48.8566, longitude: 2.3522 },
		),
	};
}
