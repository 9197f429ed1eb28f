/**
 * The sandbox's eligibility endpoint (wire v2, SPEC §6): checks the request as the real API would
 * (requester, offers, place), finds the place and answers the TMF679-style qualification; and
 * counts the checks in progress at once (for the node's concurrency option).
 */
import { randomBytes } from 'node:crypto';

import { SANDBOX_REQUESTER } from './data.ts';
import type { Place } from './eligibility.ts';
import type { SandboxState } from './state.ts';
import {
	ACTIVE_OFFER_NAMES,
	generatedPlace,
	OFFER_IDS,
	SEEDED_PLACES,
	squashText,
} from './eligibility.ts';

export const ELIGIBILITY_PATH = '/eligibilite-operateur/v1/productOfferingQualification';

type Json = Record<string, unknown>;
export interface EligibilityReply {
	status: number;
	body: Json;
	/** Whether the check was answered (counted in the sandbox's stats). */
	answered?: boolean;
}

const fail = (status: number, code: number, message: string, description: string) => ({
	status,
	body: { code, message, description },
});

const NEAR_DEGREES = 0.002;

function findPlace(place: Json): Place | undefined | string {
	switch (place['@type']) {
		case 'GeographicAddress': {
			const { inseeCode, rivoliCode, streetNr, streetNrSuffix } = place as Record<string, string>;
			if (!inseeCode || !rivoliCode || !streetNr)
				return 'place needs inseeCode, rivoliCode and streetNr';
			if (streetNr === '9999') return undefined;
			const same = (p: Place) =>
				p.address.inseeCode === inseeCode &&
				p.address.rivoliCode === rivoliCode &&
				p.address.streetNr === streetNr &&
				(p.address.streetNrSuffix ?? '') === (streetNrSuffix ?? '');
			return (
				SEEDED_PLACES.find(same) ??
				generatedPlace(JSON.stringify(place), { inseeCode, rivoliCode, streetNr, streetNrSuffix })
			);
		}
		case 'GeographicSubAddress': {
			const code = place.buildingCodeOI;
			if (typeof code !== 'string' || code === '') return 'place needs buildingCodeOI';
			if (code.endsWith('/9999')) return undefined;
			return (
				SEEDED_PLACES.find((p) => p.buildings.some((b) => b.buildingCodeOI === code)) ??
				generatedPlace(code, { inseeCode: code.split('/')[1] ?? '44109' })
			);
		}
		case 'AccessLine':
			return findLine(place);
		case 'TextualAddress':
			return findText(place.label);
		case 'GeographicLocation':
			return findPoint(place.latitude, place.longitude);
		default:
			return `place @type must be one of GeographicAddress, GeographicSubAddress, AccessLine, TextualAddress, GeographicLocation`;
	}
}

function findLine(place: Json): Place | undefined | string {
	const { nd, ndStatus } = place as Record<string, string>;
	if (typeof nd !== 'string' || !/^0[1-9]\d{8}$/.test(nd))
		return 'nd must be 10 digits starting with 0';
	if (ndStatus !== 'active' && ndStatus !== 'inactive')
		return 'ndStatus must be active or inactive';
	if (nd.startsWith('01000')) return undefined;
	const seeded = SEEDED_PLACES.find((p) => p.nd === nd);
	// A line no longer in service is found only when asked as inactive.
	if (seeded?.ndStatus === 'inactive' && ndStatus === 'active') return undefined;
	return seeded ?? generatedPlace(`nd:${nd}:${ndStatus}`);
}

function findText(label: unknown): Place | undefined | string {
	if (typeof label !== 'string' || label.trim() === '') return 'place needs a label';
	const wanted = squashText(
		label.replace(/\b(bis|ter|quater)\b/i, (word) => word[0].toUpperCase()),
	);
	const seeded = SEEDED_PLACES.find(
		(p) =>
			squashText(p.address.label) === squashText(label) ||
			squashText(
				`${p.address.streetNr}${p.address.streetNrSuffix ?? ''} ${p.address.streetName} ${p.address.postcode} ${p.address.city}`,
			) === wanted,
	);
	if (seeded) return seeded;
	const postcode = /\b(\d{5})\b/.exec(label)?.[1];
	if (!postcode) return undefined;
	const city =
		label
			.slice(label.indexOf(postcode) + 5)
			.trim()
			.toUpperCase() || 'SANDBOX';
	return generatedPlace(`text:${squashText(label)}`, { postcode, city });
}

function findPoint(latitude: unknown, longitude: unknown): Place | undefined | string {
	if (typeof latitude !== 'number' || typeof longitude !== 'number')
		return 'latitude and longitude must be numbers (WGS84)';
	return (
		SEEDED_PLACES.find(
			(p) =>
				Math.abs(p.location.latitude - latitude) <= NEAR_DEGREES &&
				Math.abs(p.location.longitude - longitude) <= NEAR_DEGREES,
		) ??
		generatedPlace(`gps:${latitude.toFixed(4)},${longitude.toFixed(4)}`, {}, [latitude, longitude])
	);
}

function notFound(place: Json): string {
	if (place['@type'] === 'AccessLine')
		return `ND ${String(place.nd)} not found, or not ${String(place.ndStatus)}`;
	return 'Address not found in the Orange address repository';
}

/** The problem with the requested offers, if any. */
function offersProblem(items: unknown): string | undefined {
	if (!Array.isArray(items) || items.length === 0)
		return 'productOfferingQualificationItem must list the offers to check';
	for (const item of items as Json[]) {
		const offering = (item?.productOffering ?? {}) as Json;
		if (!OFFER_IDS.includes(offering.id as never))
			return `productOffering.id must be one of ${OFFER_IDS.join(', ')}`;
		if (offering.id === 'FTTE_active' && !ACTIVE_OFFER_NAMES.includes(offering.name as string))
			return `productOffering.name of FTTE_active must be ${ACTIVE_OFFER_NAMES.join(' or ')}`;
	}
	return undefined;
}

function requesterProblem(body: Json): EligibilityReply | undefined {
	const parties = Array.isArray(body.relatedParty) ? (body.relatedParty as Json[]) : [];
	const requester = parties.find((party) => party?.role === 'requester');
	if (!requester?.id || !requester.siren || !requester.contractNumber)
		return fail(
			400,
			23,
			'Missing body field',
			'relatedParty needs a requester with id, siren and contractNumber',
		);
	const { login, siren, contractNumber } = SANDBOX_REQUESTER;
	if (
		requester.id !== login ||
		requester.siren !== siren ||
		requester.contractNumber !== contractNumber
	)
		return fail(
			403,
			50,
			'Access denied',
			'The requester is not subscribed to the Eligibilité Opérateur service.',
		);
	return undefined;
}

function answerItems(place: Place, items: Json[]): Json[] {
	const slotOf = (offering: Json) =>
		offering.id === 'FTTE_NRO'
			? 0
			: offering.id === 'FTTE_PM'
				? 1
				: offering.name === ACTIVE_OFFER_NAMES[0]
					? 2
					: 3;
	const answered = items.map((item) => {
		const offering = item.productOffering as Json;
		return {
			id: item.id,
			productOffering: { ...offering },
			...place.results[slotOf(offering)],
		} as Json;
	});
	if (!place.activeAsOneItem) return answered;
	const passive = answered.filter((item) => (item.productOffering as Json).id !== 'FTTE_active');
	const active = answered.find((item) => (item.productOffering as Json).id === 'FTTE_active');
	if (!active) return passive;
	const { id: _id, productOffering: _offering, ...result } = active;
	return [...passive, { productOffering: { id: 'FTTE_active' }, ...result }];
}

/** The sandbox's answer to one eligibility request. */
export function answerEligibility(body: Json): EligibilityReply {
	const refused = requesterProblem(body);
	if (refused) return refused;
	const offers = offersProblem(body.productOfferingQualificationItem);
	if (offers) return fail(400, 24, 'Invalid body field', offers);
	if (typeof body.place !== 'object' || body.place === null)
		return fail(400, 23, 'Missing body field', 'place is required');
	const place = findPlace(body.place as Json);
	if (typeof place === 'string') return fail(400, 24, 'Invalid body field', place);
	if (!place) return fail(404, 60, 'Resource not found', notFound(body.place as Json));
	return {
		status: 200,
		answered: true,
		body: {
			id: `poq-${randomBytes(6).toString('hex')}`,
			state: 'done',
			geographicSite: {
				place: { '@type': 'GeographicAddress', ...place.address },
				geographicSubAddress: place.buildings.map((b) => ({
					'@type': 'GeographicSubAddress',
					...b,
				})),
			},
			productOfferingQualificationItem: answerItems(
				place,
				body.productOfferingQualificationItem as Json[],
			),
		},
	};
}

export function eligibilityRoutes(sandbox: SandboxState): void {
	const app = sandbox.app;
	app.addHook('onRequest', async (request, reply) => {
		if (!request.url.startsWith('/eligibilite-operateur')) return;
		sandbox.eligibilityInFlight++;
		sandbox.eligibilityMaxInFlight = Math.max(
			sandbox.eligibilityMaxInFlight,
			sandbox.eligibilityInFlight,
		);
		reply.raw.on('close', () => sandbox.eligibilityInFlight--);
	});
	app.post(ELIGIBILITY_PATH, async (request, reply) => {
		const { status, body, answered } = answerEligibility(
			(request.body ?? {}) as Record<string, unknown>,
		);
		if (answered) sandbox.eligibilityChecks++;
		return reply.code(status).send(body);
	});
}
