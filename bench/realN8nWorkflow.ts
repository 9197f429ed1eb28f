/**
 * The real-n8n benchmark's workflow: the rows, then every lane side by side — the Orange
 * Eligibility node (Check by ND, the ND mapped by expression), n8n's HTTP Request node with a
 * static Bearer header and with the Orange Eligibility credential — after a warm-up branch.
 */
import { checkBodyExpression, CHECK_PATH } from './wire.ts';

export type Database = 'sqlite' | 'postgres';
export type Lane = 'node' | 'httpStatic' | 'httpCredential';
export const LANES: Lane[] = ['node', 'httpStatic', 'httpCredential'];

export const CREDENTIAL = { id: 'orangeEligibilitySandbox', name: 'Orange Eligibility (sandbox)' };
const WARM_UP_ITEMS = 50;

/** Line numbers the sandbox answers (none starts with 01000, its "unknown" prefix). */
export function ndRows(count: number): { nd: string }[] {
	return Array.from({ length: count }, (_, i) => ({ nd: `01${String(42_000_000 + i)}` }));
}

export function laneName(lane: Lane, concurrency: number): string {
	return `${lane} ×${concurrency}`;
}

interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, typeof CREDENTIAL>;
}

/** One lane's node: what a user would set up for these checks. */
function laneNode(
	lane: Lane,
	name: string,
	concurrency: number,
	sandboxUrl: string,
	token: string,
	latencyMs: number,
): Omit<WorkflowNode, 'id' | 'name' | 'position'> {
	if (lane === 'node') {
		return {
			type: 'n8n-nodes-orange.orangeEligibility',
			typeVersion: 1,
			parameters: {
				resource: 'eligibility',
				operation: 'checkByNd',
				nd: '={{ $json.nd }}',
				options: { concurrency },
			},
			credentials: { orangeEligibilityApi: CREDENTIAL },
		};
	}
	const body = checkBodyExpression(
		{ kind: 'line', nd: '__nd__', ndStatus: 'active' },
		{ nd: '$json.nd' },
	);
	// Batching is the HTTP Request node's only bound on requests in flight: `concurrency` items
	// every `latencyMs` (an interval of 0 fires every item at once).
	const common = {
		method: 'POST',
		url: `${sandboxUrl}${CHECK_PATH}`,
		sendBody: true,
		specifyBody: 'json',
		jsonBody: body,
		options: { batching: { batch: { batchSize: concurrency, batchInterval: latencyMs } } },
	};
	if (lane === 'httpStatic') {
		return {
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				...common,
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${token}` }] },
			},
		};
	}
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			...common,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'orangeEligibilityApi',
		},
		credentials: { orangeEligibilityApi: CREDENTIAL },
	};
}

/**
 * Manual Trigger → the rows (Edit Fields, raw JSON) → Split Out → every lane, run one after the
 * other (execution order v1, top first), after a warm-up branch of 50 items per lane kind (the
 * first node to run pays for loading code, and its token request stores the token the others use).
 */
export function benchWorkflow(
	items: number,
	lanes: { lane: Lane; concurrency: number }[],
	sandboxUrl: string,
	token: string,
	latencyMs: number,
	id = 'orangeBenchRealN8n',
) {
	const nodes: WorkflowNode[] = [];
	const connections: Record<string, { main: { node: string; type: 'main'; index: 0 }[][] }> = {};
	const add = (
		name: string,
		x: number,
		y: number,
		node: Omit<WorkflowNode, 'id' | 'name' | 'position'>,
	) => {
		nodes.push({ id: `bench-${nodes.length}`, name, position: [x, y], ...node });
	};
	const connect = (from: string, to: string) => {
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: to, type: 'main', index: 0 });
	};
	add('Start', 0, 0, { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });
	add('Rows', 200, 0, {
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: { mode: 'raw', jsonOutput: JSON.stringify({ rows: ndRows(items) }), options: {} },
	});
	add('Items', 400, 0, {
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		parameters: { fieldToSplitOut: 'rows', options: {} },
	});
	add('Warm-up', 600, -400, {
		type: 'n8n-nodes-base.limit',
		typeVersion: 1,
		parameters: { maxItems: WARM_UP_ITEMS },
	});
	connect('Start', 'Rows');
	connect('Rows', 'Items');
	connect('Items', 'Warm-up');
	[...new Set(lanes.map((l) => l.lane))].forEach((lane, i) => {
		const name = `warm-up ${lane}`;
		add(name, 800, -400 + i * 100, laneNode(lane, name, 8, sandboxUrl, token, latencyMs));
		connect('Warm-up', name);
	});
	lanes.forEach(({ lane, concurrency }, i) => {
		const name = laneName(lane, concurrency);
		add(name, 800, i * 100, laneNode(lane, name, concurrency, sandboxUrl, token, latencyMs));
		connect('Items', name);
	});
	return {
		id,
		name: `Orange bench: real n8n (${id})`,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}
