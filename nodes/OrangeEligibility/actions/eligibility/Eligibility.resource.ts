import type { Resource } from '../../../shared/resources';
import { FLAT_OUTPUT_VERSION } from '../../descriptions/options';
import * as checkByAddress from './checkByAddress.operation';
import * as checkByCoordinates from './checkByCoordinates.operation';
import * as checkByNd from './checkByNd.operation';
import * as checkByTextAddress from './checkByTextAddress.operation';

export const eligibility: Resource = {
	name: 'Eligibility',
	value: 'eligibility',
	defaultOperation: 'checkByAddress',
	// What a user has at hand: a postal address, not the INSEE and Rivoli codes.
	laterDefault: { sinceVersion: FLAT_OUTPUT_VERSION, operation: 'checkByTextAddress' },
	operations: [checkByTextAddress, checkByAddress, checkByNd, checkByCoordinates],
};
