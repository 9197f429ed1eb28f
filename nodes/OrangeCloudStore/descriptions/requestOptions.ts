import type { INodeProperties } from 'n8n-workflow';

import { timeoutOption } from '../../shared/options';

/** The Options collection of every operation: the timeout. */
export const requestOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [timeoutOption],
};
