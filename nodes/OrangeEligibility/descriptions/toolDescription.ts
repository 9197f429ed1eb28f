import { OFFERS } from '../helpers/wireFormat';

const OFFER_NAMES = Object.values(OFFERS)
	.map((offer) => offer.name)
	.join(', ');

/**
 * An eligibility check's tool description: the same opening and answer for the four checks, what
 * each needs in between, so a model tells them apart by what it has at hand.
 */
export function checkToolDescription(place: string, needs: string): string {
	return (
		`Checks which Orange Wholesale France business fibre offers (${OFFER_NAMES}) ${place} can get. ` +
		`${needs} ` +
		"Answers whether Orange found the place, whether it is eligible, each offer's status, " +
		'the address as Orange knows it, and the NRO and PM (network) codes.'
	);
}
