import type { Resource } from '../../../shared/resources';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const contract: Resource = {
	name: 'Contract',
	value: 'contract',
	defaultOperation: 'getMany',
	operations: [getMany, get, create],
};
