import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** "Timeout (Seconds)": how long to wait for Orange before giving up on an item. */
export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 600 },
	default: 60,
	description: 'How long to wait for Orange before giving up on an item',
};

/** The item's timeout in milliseconds, from its "Options" collection. */
export function timeoutOf(context: IExecuteFunctions, itemIndex: number): number | undefined {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const seconds = Number(options.timeout);
	return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}
