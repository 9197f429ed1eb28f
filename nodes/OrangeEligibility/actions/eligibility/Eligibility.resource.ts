import type { Resource } from '../../../shared/resources';
import * as checkByAddress from './checkByAddress.operation';
import * as checkByCoordinates from './checkByCoordinates.operation';
import * as checkByNd from './checkByNd.operation';
import * as checkByTextAddress from './checkByTextAddress.operation';

export const eligibility: Resource = {
	name: 'Eligibility',
	value: 'eligibility',
	defaultOperation: 'checkByAddress',
	operations: [checkByAddress, checkByNd, checkByTextAddress, checkByCoordinates],
};
