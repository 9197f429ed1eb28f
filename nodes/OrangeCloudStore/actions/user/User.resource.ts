import type { Resource } from '../../../shared/resources';
import * as add from './add.operation';

export const user: Resource = {
	name: 'User',
	value: 'user',
	defaultOperation: 'add',
	operations: [add],
};
