/**
 * The Cloud Store Trigger's cost per poll on a large account: requests and wall time when one
 * document is new among contracts × documents, and when none is.
 */
import { median, startSandboxProcess } from './harness.ts';

const { pollContext, TestCredentialsHelper } = await import('../test/helpers/engine.ts');
const { storeSandboxCredentials } = await import('../test/helpers/sandbox.ts');
const { trigger, triggerWorkflow } = await import('../test/helpers/trigger.ts');

export async function triggerPollCost(
	contracts: number,
	documentsPerContract: number,
	runs: number,
) {
	const sandbox = await startSandboxProcess(['--scale', `${contracts}x${documentsPerContract}`]);
	try {
		const credentials = new TestCredentialsHelper();
		storeSandboxCredentials(credentials, sandbox.url);
		const workflow = triggerWorkflow({
			event: 'newDocument',
			contractScope: 'all',
			documentType: 'all',
		});
		const pollOnce = async () => {
			const before = (await sandbox.stats()).requests;
			const started = performance.now();
			const emitted =
				(await trigger.poll!.call(pollContext(workflow, 'Trigger', credentials)))?.[0] ?? [];
			const wallMs = performance.now() - started;
			return {
				wallMs,
				requests: (await sandbox.stats()).requests - before,
				emitted: emitted.length,
			};
		};
		const activation = await pollOnce();
		const oneNew: Awaited<ReturnType<typeof pollOnce>>[] = [];
		const noneNew: Awaited<ReturnType<typeof pollOnce>>[] = [];
		for (let run = 0; run < runs; run++) {
			const contractId = run % 2 ? 'OCB0001234' : `OCB${String(1_000_000 + contracts - 1)}`;
			await sandbox.post('/__sandbox/documents', {
				contractId,
				period: '202611',
				documentType: 'invoices',
			});
			const polled = await pollOnce();
			if (polled.emitted !== 1)
				throw new Error(`the poll emitted ${polled.emitted} documents, not 1`);
			oneNew.push(polled);
			noneNew.push(await pollOnce());
		}
		const summary = (polls: typeof oneNew) => ({
			wallMs: median(polls.map((p) => p.wallMs)),
			requests: median(polls.map((p) => p.requests)),
		});
		return { activation, oneNew: summary(oneNew), noneNew: summary(noneNew) };
	} finally {
		sandbox.stop();
	}
}
