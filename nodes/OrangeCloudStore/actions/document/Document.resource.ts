import type { Resource } from '../../../shared/resources';
import * as download from './download.operation';
import * as getMany from './getMany.operation';

export const document: Resource = {
	name: 'Document',
	value: 'document',
	defaultOperation: 'getMany',
	operations: [getMany, download],
};
