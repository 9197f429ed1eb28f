/**
 * `npm run test:queue`: the packed package in n8n's queue mode — Redis, Postgres, a main and two
 * workers — against the sandbox answering in 20 ms. Each scenario is a row of the table printed
 * at the end. Everything it starts is stopped, also on failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type SandboxProcess, startSandboxProcess } from '../../bench/harness.ts';
import { ensureN8n } from '../../scripts/n8n.ts';
import { waitForWebhook } from '../e2e/instance.ts';
import {
	type Cluster,
	importAndPublish,
	memoryOf,
	type N8nProcess,
	resetPeak,
	startCluster,
	startedExecutions,
} from './cluster.ts';
import {
	addDocument,
	addFault,
	documentDigest,
	listContractNames,
	mb,
	postForFile,
	postJson,
	type Row,
	sleep,
	startCollector,
	stats,
	table,
	waitUntil,
} from './helpers.ts';
import {
	DOWNLOAD_PATH,
	downloadWorkflow,
	ELIGIBILITY_PATH,
	eligibilityWorkflow,
	ONBOARDING_PATH,
	onboardingWorkflow,
	triggerWorkflow,
} from './workflows.ts';

const LATENCY_MS = 20;
const EXECUTIONS = 40;
const ITEMS_PER_EXECUTION = 250;
/** The node's Parallel Requests: how many checks of one execution are in flight at once. */
const CONCURRENCY = 8;
const LARGE_FILE_BYTES = 200_000_000;

let sandbox: SandboxProcess;
let cluster: Cluster;
let main: N8nProcess;
let workers: N8nProcess[] = [];
const rows: Row[] = [];

beforeAll(async () => {
	ensureN8n();
	// In a process of its own, as Orange is: the suite's own work does not slow its answers.
	sandbox = await startSandboxProcess(['--latency', String(LATENCY_MS)]);
	cluster = await startCluster(sandbox.url);
	importAndPublish(cluster, [eligibilityWorkflow(CONCURRENCY), downloadWorkflow, onboardingWorkflow]);
	[main, ...workers] = await Promise.all([
		cluster.startMain(),
		cluster.startWorker('worker1'),
		cluster.startWorker('worker2'),
	]);
	await webhooksRegistered();
}, 900_000);

/** `n8n start` answers HTTP before it has registered the published workflows' webhooks. */
async function webhooksRegistered(): Promise<void> {
	for (const path of [ELIGIBILITY_PATH, DOWNLOAD_PATH, ONBOARDING_PATH])
		await waitForWebhook(main, path);
}

afterAll(async () => {
	console.log(
		`\nQueue mode: n8n main + 2 workers (concurrency 10 each), Redis, Postgres; sandbox latency ${LATENCY_MS} ms; Parallel Requests ${CONCURRENCY}\n\n${table(rows)}\n`,
	);
	await cluster?.stop();
	sandbox?.stop();
});

/** Executions each worker started since `before` (counts from their logs). */
function executionsSince(before: number[]): string {
	return workers.map((w, i) => `${w.name} ${startedExecutions(w).length - before[i]}`).join(', ');
}

const startedCounts = () => workers.map((w) => startedExecutions(w).length);

interface EligibilityRun {
	items: number;
	succeeded: number;
	errors: string[];
	tokenRequests: number;
	duplicates: number;
	seconds: number;
	perWorker: string;
}

/** `executions` webhook calls at once, each of `ITEMS_PER_EXECUTION` addresses. */
async function checkAddresses(base: string, executions: number): Promise<EligibilityRun> {
	const before = await stats(sandbox.url);
	const started = startedCounts();
	const t0 = performance.now();
	const answers = await Promise.all(
		Array.from({ length: executions }, (_, e) =>
			postJson(`${base}/webhook/${ELIGIBILITY_PATH}`, {
				rows: Array.from({ length: ITEMS_PER_EXECUTION }, (_, i) => ({
					inseeCode: '44109',
					rivoliCode: String(1000 + e),
					streetNumber: String(i + 1),
				})),
			}),
		),
	);
	const seconds = (performance.now() - t0) / 1000;
	const after = await stats(sandbox.url);
	const errors: string[] = [];
	let items = 0;
	for (const answer of answers) {
		if (answer.status !== 200 || !Array.isArray(answer.body)) {
			errors.push(`HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
			continue;
		}
		for (const item of answer.body as Record<string, unknown>[]) {
			items++;
			if (item.error) errors.push(JSON.stringify(item).slice(0, 400));
		}
	}
	const tokenRequests = after.tokenRequests - before.tokenRequests;
	const checks = after.eligibilityChecks - before.eligibilityChecks;
	return {
		items,
		succeeded: items - errors.length,
		errors,
		tokenRequests,
		// Checks Orange answered beyond one per item: an item sent twice (a 401 refused is not one).
		duplicates: Math.max(0, checks - executions * ITEMS_PER_EXECUTION),
		seconds,
		perWorker: executionsSince(started),
	};
}

function eligibilityRow(scenario: string, run: EligibilityRun): Row {
	return {
		scenario,
		items: run.items,
		succeeded: run.succeeded,
		failed: run.errors.length ? `${run.errors.length}: ${run.errors[0]}` : '0',
		perWorker: run.perWorker,
		tokenRequests: run.tokenRequests,
		duplicates: run.duplicates,
		seconds: run.seconds,
		rate: `${Math.round(run.items / run.seconds)} checks/s`,
	};
}

let queueRun: EligibilityRun;

describe('n8n queue mode: a main and two workers', () => {
	it('answers 10,000 checks (40 executions of 250) on both workers, without a token request per execution', async () => {
		queueRun = await checkAddresses(main.base, EXECUTIONS);
		rows.push(eligibilityRow('10,000 checks, queue mode, from cold', queueRun));
		expect(queueRun.errors).toEqual([]);
		expect(queueRun.items).toBe(EXECUTIONS * ITEMS_PER_EXECUTION);
		expect(queueRun.duplicates).toBe(0);
		// 20 executions start at once (2 workers × 10): each would ask for a token without the
		// package's sharing (15 for 16 measured before it). Workers share nothing but the database,
		// so each may ask once; within a worker, one request serves the burst and its stragglers.
		expect(queueRun.tokenRequests).toBeLessThanOrEqual(2);
		expect(queueRun.tokenRequests).toBeGreaterThanOrEqual(1);
		for (const count of queueRun.perWorker.split(', ').map((part) => Number(part.split(' ')[1])))
			expect(count).toBeGreaterThan(0);
	}, 600_000);

	it('renews tokens expired mid-run once per worker, and no item fails', async () => {
		const executions = 16;
		// Orange ends every token when the 2,000th check arrives.
		await addFault(sandbox.url, {
			kind: 'expireToken',
			path: '/eligibilite-operateur',
			every: 2000,
			times: 1,
		});
		const run = await checkAddresses(main.base, executions);
		rows.push(eligibilityRow('4,000 checks, every token ended mid-run', run));
		expect(run.errors).toEqual([]);
		expect(run.items).toBe(executions * ITEMS_PER_EXECUTION);
		expect(run.tokenRequests).toBeLessThanOrEqual(2);
		expect(run.tokenRequests).toBeGreaterThanOrEqual(1);
	}, 600_000);

	it('downloads a 200 MB invoice on a worker in database binary mode, byte for byte', async () => {
		await largeDownload('200 MB download, database binary mode (queue mode default)');
	}, 600_000);

	it('a worker killed (SIGKILL) during contract creations: its executions fail, no contract is created twice', async () => {
		await killWorkerDuringWrites();
	}, 600_000);

	it('the trigger on main emits each new invoice once over polls and a restart of main, none on activation', async () => {
		await triggerAcrossRestart();
	}, 600_000);

	it('downloads the 200 MB invoice in filesystem binary mode, on the folder every process shares', async () => {
		await restartAll({ N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' });
		await largeDownload('200 MB download, filesystem binary mode (shared folder)');
	}, 600_000);

	it('the same 10,000 checks on a single n8n in regular mode, for the ratio', async () => {
		await Promise.all([main, ...workers].map((p) => p.stop()));
		workers = [];
		// Not polling during the comparison: it would add calls to the count.
		cluster.cli(['unpublish:workflow', '--id=queueTrigger']);
		// As much as the queue had: 20 executions at once (2 workers × 10), 4 database connections
		// (n8n's pool is 2 a process, and n8n reads the credential from the database for each request).
		const single = await cluster.startMain({
			EXECUTIONS_MODE: 'regular',
			N8N_CONCURRENCY_PRODUCTION_LIMIT: '20',
			DB_POSTGRESDB_POOL_SIZE: '4',
		});
		main = single;
		await webhooksRegistered();
		const run = await checkAddresses(single.base, EXECUTIONS);
		rows.push({
			...eligibilityRow('10,000 checks, one n8n in regular mode', run),
			perWorker: '(main alone)',
			rate: `${Math.round(run.items / run.seconds)} checks/s; queue ÷ single: ${(run.seconds / queueRun.seconds).toFixed(2)}× the throughput`,
		});
		expect(run.errors).toEqual([]);
		expect(run.items).toBe(EXECUTIONS * ITEMS_PER_EXECUTION);
	}, 600_000);
});

async function restartAll(extra: Record<string, string>): Promise<void> {
	await Promise.all([main, ...workers].map((p) => p.stop()));
	[main, ...workers] = await Promise.all([
		cluster.startMain(extra),
		cluster.startWorker('worker1', extra),
		cluster.startWorker('worker2', extra),
	]);
	await webhooksRegistered();
}

let largeDocument: { id: string; bytes: number; sha256: string } | undefined;

async function largeDownload(scenario: string): Promise<void> {
	if (!largeDocument) {
		const { id } = await addDocument(sandbox.url, {
			contractId: 'OCB0009293',
			period: '202611',
			documentType: 'invoices',
			sizeBytes: LARGE_FILE_BYTES,
		});
		largeDocument = { id, ...(await documentDigest(sandbox.url, 'OCB0009293', id)) };
	}
	const before = await stats(sandbox.url);
	const started = startedCounts();
	const baseline = workers.map((w) => memoryOf(w.child.pid!).rss);
	workers.forEach((w) => resetPeak(w.child.pid!));
	const t0 = performance.now();
	const answer = await postForFile(`${main.base}/webhook/${DOWNLOAD_PATH}`, {
		contractId: 'OCB0009293',
		documentId: largeDocument.id,
	});
	const seconds = (performance.now() - t0) / 1000;
	const ran = workers.findIndex((w, i) => startedExecutions(w).length > started[i]);
	const growth = ran >= 0 ? memoryOf(workers[ran].child.pid!).peak - baseline[ran] : 0;
	const exact = answer.status === 200 && answer.sha256 === largeDocument.sha256;
	rows.push({
		scenario,
		items: 1,
		succeeded: exact ? 1 : 0,
		failed: exact ? '0' : `1: HTTP ${answer.status}, ${answer.bytes} bytes`,
		perWorker: executionsSince(started),
		tokenRequests: (await stats(sandbox.url)).tokenRequests - before.tokenRequests,
		duplicates: 0,
		seconds,
		rate: `worker peak RSS +${mb(growth)} (download, store, answer through main)`,
	});
	expect(answer.status).toBe(200);
	expect(answer.bytes).toBe(largeDocument.bytes);
	expect(answer.sha256).toBe(largeDocument.sha256);
	expect(ran).toBeGreaterThanOrEqual(0);
}

/**
 * 8 executions of 15 contract creations, each followed by a user addition, the sandbox's write
 * calls slowed to 150 ms; one worker is killed once 30 contracts exist.
 */
async function killWorkerDuringWrites(): Promise<void> {
	const executions = 8;
	const perExecution = 15;
	await addFault(sandbox.url, {
		kind: 'slow',
		method: 'POST',
		path: '/cloud/b2b/v1/contract',
		delayMs: 150,
		times: executions * perExecution * 2,
	});
	const before = await stats(sandbox.url);
	const started = startedCounts();
	const t0 = performance.now();
	const pending = Array.from({ length: executions }, (_, e) =>
		postJson(`${main.base}/webhook/${ONBOARDING_PATH}`, {
			contracts: Array.from({ length: perExecution }, (_, i) => ({
				contractName: `Queue kill ${e}-${i}`,
			})),
		}),
	);
	await waitUntil(
		'30 contracts created',
		async () => (await stats(sandbox.url)).createdContracts - before.createdContracts >= 30,
		120_000,
	);
	const killed = workers[0];
	const runningOnKilled = startedExecutions(killed).slice(started[0]);
	killed.child.kill('SIGKILL');
	const answers = await Promise.all(pending);
	const seconds = (performance.now() - t0) / 1000;
	const after = await stats(sandbox.url);
	const created = after.createdContracts - before.createdContracts;
	const names = (await listContractNames(sandbox.url)).filter((n) => n.startsWith('Queue kill '));
	const twice = names.length - new Set(names).size;
	const statuses = cluster.postgres.query(
		`select status, count(*) from execution_entity where "workflowId" = 'queueOnboarding' group by status order by status`,
	);
	const failedAnswers = answers.filter((a) => a.status !== 200);
	rows.push({
		scenario: `contract creations, ${killed.name} killed (SIGKILL) mid-run`,
		items: executions * perExecution,
		succeeded: answers.filter((a) => a.status === 200).length * perExecution,
		failed: `${failedAnswers.length} executions (${runningOnKilled.length} were on ${killed.name}): HTTP ${failedAnswers.map((a) => a.status).join(', ')} ${JSON.stringify(failedAnswers[0]?.body ?? '').slice(0, 120)}; executions ${statuses.replaceAll('|', ' ').replaceAll('\n', ', ')}`,
		perWorker: executionsSince(started),
		tokenRequests: after.tokenRequests - before.tokenRequests,
		duplicates: twice,
		seconds,
		rate: `${created} contracts created, ${after.addedUsers - before.addedUsers} users added`,
	});
	expect(runningOnKilled.length).toBeGreaterThan(0);
	expect(twice).toBe(0);
	expect(names.length).toBe(created);
	expect(after.addedUsers - before.addedUsers).toBeLessThanOrEqual(created);
	// The executions the killed worker held end failed; the others complete.
	expect(failedAnswers.length).toBeGreaterThan(0);
	expect(answers.length - failedAnswers.length).toBeGreaterThan(0);
	workers[0] = await cluster.startWorker('worker3');
}

/** Polls every 10 s; documents added between polls and while main is down. */
async function triggerAcrossRestart(): Promise<void> {
	const collector = await startCollector();
	try {
		importAndPublish(cluster, [triggerWorkflow(collector.url)]);
		const before = await stats(sandbox.url);
		const started = startedCounts();
		const t0 = performance.now();
		await main.stop();
		main = await cluster.startMain();
		// Activation polls once at once, then every 10 s: two polls, nothing emitted.
		await sleep(15_000);
		expect(collector.received).toEqual([]);
		const add = (contractId: string) =>
			addDocument(sandbox.url, { contractId, period: '202612', documentType: 'invoices' });
		const seen = (id: string) => collector.received.filter((r) => r.id === id).length;
		const a = await add('OCB0001234');
		await waitUntil('the first new invoice', () => seen(a.id) > 0, 30_000);
		const b = await add('OCB0001234');
		const c = await add('OCB0001235');
		await waitUntil('two more invoices', () => seen(b.id) > 0 && seen(c.id) > 0, 30_000);
		await main.stop();
		const d = await add('OCB0001235');
		main = await cluster.startMain();
		await waitUntil('the invoice added while main was down', () => seen(d.id) > 0, 60_000);
		await sleep(12_000);
		const seconds = (performance.now() - t0) / 1000;
		const ids = [a, b, c, d].map((doc) => doc.id);
		const received = collector.received.map((r) => String(r.id));
		const duplicates = received.length - new Set(received).size;
		rows.push({
			scenario: 'trigger on main: 4 new invoices over polls and a restart of main',
			items: ids.length,
			succeeded: ids.filter((id) => seen(id) === 1).length,
			failed: `${ids.filter((id) => seen(id) === 0).length} missed`,
			perWorker: executionsSince(started),
			tokenRequests: (await stats(sandbox.url)).tokenRequests - before.tokenRequests,
			duplicates,
			seconds,
			rate: `${received.length} emitted; polls every 10 s`,
		});
		expect(received.sort()).toEqual([...ids].sort());
	} finally {
		await collector.stop();
	}
}
