/**
 * `npm run sandbox [-- --port 8790] [--latency 20] [--scale 50x1000]`: the Orange sandbox, by hand,
 * for n8n's editor or curl. `--latency` delays every API answer (ms); `--scale` serves that many
 * contracts × documents per contract instead of the seeded world (benchmarks).
 */
import { SANDBOX_API_KEY, SANDBOX_CLIENT, SANDBOX_REQUESTER } from './data.ts';
import { startSandbox } from './server.ts';

const flag = (name: string) => {
	const at = process.argv.indexOf(`--${name}`);
	return at > 0 ? process.argv[at + 1] : undefined;
};
const port = Number(flag('port') ?? process.env.SANDBOX_PORT ?? 8790);
const latencyMs = Number(flag('latency') ?? 0);
const [contracts, documentsPerContract] = (flag('scale') ?? '').split('x').map(Number);
const scale = contracts && documentsPerContract ? { contracts, documentsPerContract } : undefined;

const sandbox = await startSandbox({ port, latencyMs, scale });
console.log(`Orange sandbox on ${sandbox.url}`);
console.log(`  Base URL       ${sandbox.url}`);
console.log(`  Client ID      ${SANDBOX_CLIENT.clientId}`);
console.log(`  Client Secret  ${SANDBOX_CLIENT.clientSecret}`);
console.log(`  API Key        ${SANDBOX_API_KEY}`);
console.log(
	`  Eligibility    login ${SANDBOX_REQUESTER.login}, SIREN ${SANDBOX_REQUESTER.siren}, contract ${SANDBOX_REQUESTER.contractNumber}`,
);
console.log('Ctrl-C to stop.');
const stop = async () => {
	await sandbox.stop();
	process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
