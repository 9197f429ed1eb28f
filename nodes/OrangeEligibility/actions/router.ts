import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { routerFor } from '../../shared/resources';
import { DEFAULT_CONCURRENCY } from '../descriptions/options';
import { eligibility } from './eligibility/Eligibility.resource';

export const resources = [eligibility];

/** Checks change nothing at Orange, so items may run in parallel; output keeps the input order. */
function concurrencyOf(context: IExecuteFunctions): number {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	return Math.max(
		1,
		Math.min(32, Math.floor(Number(options.concurrency ?? DEFAULT_CONCURRENCY)) || 1),
	);
}

export const router = routerFor(resources, concurrencyOf);
