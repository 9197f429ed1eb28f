import type { IExecuteFunctions } from 'n8n-workflow';

import type { OrangeContext } from './types';

/**
 * An `onUncertainEnd` for action nodes: the warning shows above the node's output (n8n's execution
 * hints), once per run, and the items read go on. Undefined where n8n has no hints (the read fails).
 */
export function warnAboveOutput(context: OrangeContext): ((message: string) => void) | undefined {
	const { addExecutionHints } = context as Partial<IExecuteFunctions>;
	if (typeof addExecutionHints !== 'function') return undefined;
	const shown = new Set<string>();
	return (message) => {
		if (shown.has(message)) return;
		shown.add(message);
		addExecutionHints.call(context, { message, type: 'warning', location: 'outputPane' });
	};
}
