/** Control endpoints, for the demo and the end-to-end tests (never part of Orange's API). */
import type { FaultRule } from './faultRules.ts';
import type { SandboxState } from './state.ts';

export function adminRoutes(sandbox: SandboxState): void {
	const app = sandbox.app;
	app.get('/__sandbox/stats', async () => ({
		tokenRequests: sandbox.tokenRequests,
		requests: sandbox.requests.length,
		createdContracts: sandbox.createdContracts.length,
		eligibilityChecks: sandbox.eligibilityChecks,
		addedUsers: sandbox.addedUsers.length,
		faults: sandbox.faults.map(({ kind, fired }) => ({ kind, fired })),
	}));
	app.post('/__sandbox/faults', async (request) => {
		const rules = ([] as FaultRule[]).concat(request.body as FaultRule | FaultRule[]);
		rules.forEach((rule) => sandbox.addFault(rule));
		return { faults: sandbox.faults.length };
	});
	app.post('/__sandbox/reset', async () => {
		sandbox.resetData();
		return { ok: true };
	});
	app.post('/__sandbox/documents', async (request) => {
		const { contractId, period, documentType, sizeBytes } = request.body as Record<string, string>;
		return sandbox.addDocument(
			contractId,
			period,
			documentType,
			undefined,
			sizeBytes === undefined ? undefined : Number(sizeBytes),
		);
	});
}
