import type { INodeExecutionData, INodeType, IDataObject } from 'n8n-workflow';

import { buildWorkflow, pollContext } from './engine.ts';
import { nodeTypes } from './package.ts';
import { CLOUD, type TestContext } from './sandbox.ts';

export const trigger = nodeTypes['n8n-nodes-orange.orangeCloudStoreTrigger'] as INodeType;

/** A workflow holding the trigger, with the static data a saved workflow would carry. */
export function triggerWorkflow(parameters: Record<string, unknown>, staticData: IDataObject = {}) {
	return buildWorkflow({
		nodes: [
			{
				id: 't',
				name: 'Trigger',
				type: 'n8n-nodes-orange.orangeCloudStoreTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: parameters as never,
				credentials: { orangeCloudStoreApi: { id: CLOUD, name: CLOUD } },
			},
		],
		connections: {},
		staticData,
	});
}

/** One poll with n8n-core's real poll context; the items it emitted (none for null). */
export async function poll(
	context: TestContext,
	workflow: ReturnType<typeof triggerWorkflow>,
	mode: 'trigger' | 'manual' = 'trigger',
): Promise<INodeExecutionData[]> {
	const functions = pollContext(workflow, 'Trigger', context.credentials, mode);
	const result = await trigger.poll!.call(functions);
	return result?.[0] ?? [];
}

/** The state as it would be saved and reloaded by n8n (a JSON round trip). */
export function persisted(workflow: ReturnType<typeof triggerWorkflow>): IDataObject {
	return JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
}
