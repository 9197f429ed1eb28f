/**
 * `npm run sandbox [-- --port 8790]`: the Orange sandbox, by hand, for n8n's editor or curl.
 */
import { SANDBOX_API_KEY, SANDBOX_CLIENT, SANDBOX_REQUESTER } from './data.ts';
import { startSandbox } from './server.ts';

const portFlag = process.argv.indexOf('--port');
const port =
	portFlag > 0 ? Number(process.argv[portFlag + 1]) : Number(process.env.SANDBOX_PORT ?? 8790);
const latencyFlag = process.argv.indexOf('--latency');
const latencyMs = latencyFlag > 0 ? Number(process.argv[latencyFlag + 1]) : 0;

const sandbox = await startSandbox({ port, latencyMs });
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
