import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { itemParameter } from './parameters';

/** "Timeout (Seconds)": how long to wait for Orange before giving up on an item. */
export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 600 },
	default: 60,
	description: 'How long to wait for Orange before giving up on an item',
};

function timeoutMs(options: unknown): number | undefined {
	const seconds = Number((options as IDataObject | undefined)?.timeout);
	return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/** The item's timeout in milliseconds, from its "Options" collection (read once per run unless set by expression). */
export function timeoutOf(context: IExecuteFunctions, itemIndex: number): number | undefined {
	return itemParameter(context, 'options', itemIndex, {}, timeoutMs);
}
