/**
 * Runs workflows in n8n's real engine (n8n-core's WorkflowExecute), with the credentials
 * going through n8n's real `httpRequestWithAuthentication`: the credential's own
 * `preAuthentication` fetches the token, its `authenticate` adds the headers, n8n-core
 * refreshes on 401. Only what n8n's server provides around the engine is supplied here.
 */
import { ExecutionLifecycleHooks, getExecutePollFunctions, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	Workflow as WorkflowType,
} from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentialsHelper.ts';
import { n8nWorkflow, nodeTypes, PACKAGE_NAME } from './package.ts';

const { Workflow, NodeConnectionTypes, NodeHelpers } = n8nWorkflow;

/** Stand-ins for the two n8n-nodes-base nodes the tests start from. */
const manualTrigger: INodeType = {
	description: {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts the test workflow',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	},
	async execute() {
		return [[{ json: {} }]];
	},
};

/** Emits the items given in its `items` parameter, as a Code node would. */
const itemsNode: INodeType = {
	description: {
		displayName: 'Items',
		name: 'items',
		group: ['transform'],
		version: 1,
		description: 'Emits fixed items',
		defaults: { name: 'Items' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	},
	async execute() {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json): INodeExecutionData => ({ json, pairedItem: { item: 0 } }))];
	},
};

const allNodeTypes: Record<string, INodeType | IVersionedNodeType> = {
	...nodeTypes,
	'n8n-nodes-base.manualTrigger': manualTrigger,
	'test.items': itemsNode,
};

/** Makes more node types runnable: real n8n-nodes-base nodes, when a script has loaded them. */
export function addNodeTypes(types: Record<string, INodeType | IVersionedNodeType>): void {
	Object.assign(allNodeTypes, types);
}

export const testNodeTypes: INodeTypes = {
	getByName: (type) => allNodeTypes[type],
	getByNameAndVersion: (type, version) =>
		allNodeTypes[type] && NodeHelpers.getVersionedNodeType(allNodeTypes[type], version),
	getKnownTypes: () => ({}),
};

export { TestCredentialsHelper } from './credentialsHelper.ts';

export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IWorkflowBase['connections'];
	staticData?: IDataObject;
	/** Pinned output of nodes, as in n8n's exports: a webhook's sample request, say. */
	pinData?: Record<string, INodeExecutionData[]>;
}

let executions = 0;

function additionalDataFor(
	credentialsHelper: TestCredentialsHelper,
	workflowData: IWorkflowBase,
	executionId: string,
) {
	const additionalData = {
		credentialsHelper,
		hooks: new ExecutionLifecycleHooks('manual', executionId, workflowData),
		currentNodeExecutionIndex: 0,
		executionId,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		evalLlmMockHandler: undefined,
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
	return additionalData;
}

export function buildWorkflow(json: WorkflowJson): WorkflowType {
	return new Workflow({
		id: json.id ?? 'test-workflow',
		name: json.name ?? 'Test workflow',
		nodes: json.nodes,
		connections: json.connections,
		active: false,
		nodeTypes: testNodeTypes,
		staticData: json.staticData ?? {},
		settings: { executionOrder: 'v1' },
	});
}

export interface RunResult {
	run: IRun;
	/** Output items of each node, by node name (first run, first output). */
	output: Record<string, INodeExecutionData[]>;
	/** Every output of each node (an If node has two), first run. */
	outputs: Record<string, INodeExecutionData[][]>;
	error?: IRun['data']['resultData']['error'];
	/** What a Respond to Webhook node answered, if one ran. */
	webhookResponse?: unknown;
}

/**
 * Runs a whole workflow as "Execute workflow" does: from its manual trigger, else its polling
 * trigger (its test event), else the node whose output is pinned (a webhook's sample request).
 */
export async function runWorkflow(
	json: WorkflowJson,
	credentialsHelper: TestCredentialsHelper,
): Promise<RunResult> {
	const workflow = buildWorkflow(json);
	const workflowData = {
		...json,
		id: workflow.id,
		name: workflow.name,
		active: false,
		settings: {},
	} as unknown as IWorkflowBase;
	const executionId = String(++executions);
	const additionalData = additionalDataFor(credentialsHelper, workflowData, executionId);
	// The manual trigger, else a polling trigger: "Execute workflow" then runs its test event.
	const trigger =
		json.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger') ??
		json.nodes.find(
			(n) =>
				(testNodeTypes.getByName(n.type)?.description as { polling?: boolean } | undefined)
					?.polling === true,
		) ??
		json.nodes.find((n) => json.pinData?.[n.name] !== undefined);
	const startNode = trigger ? (workflow.getNode(trigger.name) ?? undefined) : undefined;
	let webhookResponse: unknown;
	additionalData.hooks!.addHandler('sendResponse', async (response) => {
		webhookResponse = response;
	});
	const execution = new WorkflowExecute(additionalData, 'manual');
	// n8n-core 1.x takes the run's parts one by one (its `run` declares them); 2.x in one object.
	const run = await (execution.run.length > 1
		? (execution.run as unknown as (...parts: unknown[]) => Promise<IRun>).call(
				execution,
				workflow,
				startNode,
				undefined,
				json.pinData,
			)
		: execution.run({ workflow, startNode, pinData: json.pinData }));
	const output: Record<string, INodeExecutionData[]> = {};
	const outputs: Record<string, INodeExecutionData[][]> = {};
	for (const [name, tasks] of Object.entries(run.data.resultData.runData)) {
		outputs[name] = (tasks[0]?.data?.main ?? []).map((items) => items ?? []);
		output[name] = outputs[name][0] ?? [];
	}
	return { run, output, outputs, error: run.data.resultData.error, webhookResponse };
}

export interface NodeRun {
	/** Node type without the package prefix: `orangeCloudStore`. */
	type: string;
	parameters: Record<string, unknown>;
	/** Input items; one empty item when absent. */
	items?: Record<string, unknown>[];
	credentials?: Record<string, string>;
	continueOnFail?: boolean;
	/** The node's version, as a saved workflow holds it (1 when absent). */
	typeVersion?: number;
}

/** Runs one node of this package after a trigger (and the given items), in the real engine. */
export async function runNode(
	spec: NodeRun,
	credentialsHelper: TestCredentialsHelper,
): Promise<RunResult & { items: INodeExecutionData[] }> {
	const nodes: INode[] = [
		{
			id: 'n1',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	const connections: WorkflowJson['connections'] = {};
	let previous = 'Start';
	if (spec.items) {
		nodes.push({
			id: 'n2',
			name: 'Items',
			type: 'test.items',
			typeVersion: 1,
			position: [200, 0],
			parameters: { items: JSON.stringify(spec.items) },
		});
		connections.Start = { main: [[{ node: 'Items', type: 'main', index: 0 }]] };
		previous = 'Items';
	}
	const credentials = Object.fromEntries(
		Object.entries(spec.credentials ?? {}).map(([type, id]) => [type, { id, name: id }]),
	);
	nodes.push({
		id: 'n3',
		name: 'Orange',
		type: `${PACKAGE_NAME}.${spec.type}`,
		typeVersion: spec.typeVersion ?? 1,
		position: [400, 0],
		parameters: spec.parameters as INode['parameters'],
		credentials,
		...(spec.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	});
	connections[previous] = { main: [[{ node: 'Orange', type: 'main', index: 0 }]] };
	const result = await runWorkflow({ nodes, connections }, credentialsHelper);
	return { ...result, items: result.output.Orange ?? [] };
}

/** A live poller's context for a trigger node, with its static data kept in `workflow.staticData`. */
export function pollContext(
	workflow: WorkflowType,
	nodeName: string,
	credentialsHelper: TestCredentialsHelper,
	mode: 'trigger' | 'manual' = 'trigger',
) {
	const workflowData = {
		id: workflow.id,
		name: workflow.name,
		nodes: Object.values(workflow.nodes),
		connections: workflow.connectionsBySourceNode,
		active: true,
		settings: {},
	} as unknown as IWorkflowBase;
	const additionalData = additionalDataFor(credentialsHelper, workflowData, String(++executions));
	return getExecutePollFunctions(
		workflow,
		workflow.getNode(nodeName)!,
		additionalData,
		mode,
		'activate',
	);
}
