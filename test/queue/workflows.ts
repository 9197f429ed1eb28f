/**
 * The workflows the queue-mode suite publishes: each starts on a production webhook (or the
 * Cloud Store Trigger) so that main hands its executions to the workers through Redis.
 */
const CLOUD = { orangeCloudStoreApi: { id: 'orangeCloudStoreSandbox', name: 'Orange Cloud Store (sandbox)' } };
const ELIGIBILITY = {
	orangeEligibilityApi: { id: 'orangeEligibilitySandbox', name: 'Orange Eligibility (sandbox)' },
};

interface Node {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, unknown>;
	onError?: string;
	webhookId?: string;
}

/** A straight line of nodes, each feeding the next. */
function chain(id: string, nodes: Node[]) {
	const connections: Record<string, unknown> = {};
	nodes.slice(0, -1).forEach((node, i) => {
		connections[node.name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	});
	return {
		id,
		name: `queue: ${id}`,
		nodes: nodes.map((node, i) => ({ id: `${id}-${i}`, position: [i * 220, 0], ...node })),
		connections,
		settings: { executionOrder: 'v1' },
	};
}

function webhook(path: string, webhookId: string, response: Record<string, unknown>): Node {
	return {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId,
		parameters: { httpMethod: 'POST', path, options: {}, ...response },
	};
}

function splitOut(field: string): Node {
	return {
		name: 'Split Out',
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		parameters: { fieldToSplitOut: field, options: {} },
	};
}

export const ELIGIBILITY_PATH = 'queue-eligibility';
export const DOWNLOAD_PATH = 'queue-download';
export const ONBOARDING_PATH = 'queue-onboarding';

/** Posted `{ rows: [{ inseeCode, rivoliCode, streetNumber }…] }`: answers every row's check. */
export const eligibilityWorkflow = (concurrency: number) =>
	chain('queueEligibility', [
		webhook(ELIGIBILITY_PATH, '5f0d7a52-6c1e-4b8e-9a31-0c2b4e6f8a01', { responseMode: 'lastNode', responseData: 'allEntries' }),
		splitOut('body.rows'),
		{
			name: 'Check',
			type: 'n8n-nodes-orange.orangeEligibility',
			typeVersion: 1,
			onError: 'continueRegularOutput',
			parameters: {
				resource: 'eligibility',
				operation: 'checkByAddress',
				mappingMode: 'autoMapInputData',
				options: { concurrency },
			},
			credentials: ELIGIBILITY,
		},
	]);

/** Posted `{ contractId, documentId }`: downloads the document and answers with its bytes. */
export const downloadWorkflow = chain('queueDownload', [
	webhook(DOWNLOAD_PATH, '5f0d7a52-6c1e-4b8e-9a31-0c2b4e6f8a02', {
		responseMode: 'lastNode',
		responseData: 'firstEntryBinary',
		responseBinaryPropertyName: 'data',
	}),
	{
		name: 'Download',
		type: 'n8n-nodes-orange.orangeCloudStore',
		typeVersion: 1,
		parameters: {
			resource: 'document',
			operation: 'download',
			contractId: { __rl: true, mode: 'id', value: '={{ $json.body.contractId }}' },
			documentId: { __rl: true, mode: 'id', value: '={{ $json.body.documentId }}' },
			binaryPropertyName: 'data',
		},
		credentials: CLOUD,
	},
]);

/** Posted `{ contracts: [{ contractName }…] }`: creates each contract, then adds a user to it. */
export const onboardingWorkflow = chain('queueOnboarding', [
	webhook(ONBOARDING_PATH, '5f0d7a52-6c1e-4b8e-9a31-0c2b4e6f8a03', { responseMode: 'lastNode', responseData: 'allEntries' }),
	splitOut('body.contracts'),
	{
		name: 'Create Contract',
		type: 'n8n-nodes-orange.orangeCloudStore',
		typeVersion: 1,
		parameters: {
			resource: 'contract',
			operation: 'create',
			billingAccountId: 'BA0042001',
			offerCode: 'HONEY',
			contractName: '={{ $json.contractName }}',
			supportLevel: 'BSC',
			referentCivility: 'Mme',
			referentLastName: 'Martin',
			referentFirstName: 'Claire',
			referentEmail: 'claire.martin@example.com',
		},
		credentials: CLOUD,
	},
	{
		name: 'Add User',
		type: 'n8n-nodes-orange.orangeCloudStore',
		typeVersion: 1,
		parameters: {
			resource: 'user',
			operation: 'add',
			contractId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			civility: 'M',
			lastName: 'Durand',
			firstName: 'Paul',
			email: '={{ "paul." + $json.id + "@example.com" }}',
			login: '={{ "paul." + $json.id }}',
			role: 'visitor',
		},
		credentials: CLOUD,
	},
]);

/** Every 10 s (n8n takes one fixed second per poll time), new invoices of two contracts, each posted to `collectorUrl`. */
export const triggerWorkflow = (collectorUrl: string) =>
	chain('queueTrigger', [
		{
			name: 'New Invoice',
			type: 'n8n-nodes-orange.orangeCloudStoreTrigger',
			typeVersion: 1,
			parameters: {
				pollTimes: {
					item: [0, 10, 20, 30, 40, 50].map((second) => ({
						mode: 'custom',
						cronExpression: `${second} * * * * *`,
					})),
				},
				event: 'newDocument',
				contractScope: 'selected',
				contractIds: ['OCB0001234', 'OCB0001235'],
				documentType: 'invoices',
				options: {},
			},
			credentials: CLOUD,
		},
		{
			name: 'Record',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'POST',
				url: collectorUrl,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ id: $json.id, contractId: $json.contractId, execution: $execution.id }) }}',
				options: {},
			},
		},
	]);
