/**
 * The CRM-lead example as a CRM uses it: published in a running n8n (`n8n start`), its production
 * webhook called over HTTP, answered with the eligibility record — for an address, for a line
 * number, and for a lead whose address is wrong (the error named, nothing sent to Orange).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sandboxStats } from '../../sandbox/client.ts';
import {
	expectCredentialTests,
	type Instance,
	ownerSession,
	prepareInstance,
	publishWorkflow,
	type Server,
	startN8n,
	waitForWebhook,
} from './instance.ts';

let instance: Instance;
let server: Server;

async function sandboxRequests(): Promise<number> {
	return (await sandboxStats(instance.sandboxUrl)).requests;
}

async function callWebhook(lead: Record<string, unknown>) {
	const response = await fetch(`${server.base}/webhook/orange-eligibility`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(lead),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
	instance = await prepareInstance();
	publishWorkflow(instance, 'orangeLeadEligibility01');
	server = await startN8n(instance);
	await waitForWebhook(server, 'orange-eligibility');
}, 900_000);

afterAll(async () => {
	await server?.stop();
	await instance?.stop();
});

describe('the CRM-lead example, published, called by its webhook', () => {
	it('answers an address lead, as the CRM writes it, with the eligibility, the NRO and the PM', async () => {
		const { status, body } = await callWebhook({
			leadId: 'LEAD-1',
			address: '8 bis quai de la Pêcherie,\n69001 Lyon',
		});
		expect(status).toBe(200);
		expect(body).toMatchObject({
			leadId: 'LEAD-1',
			found: true,
			eligible: true,
			address: '8 bis quai de la Pêcherie, 69001 Lyon',
			addressLabel: '8 BIS QUAI DE LA PECHERIE 69001 LYON',
			optimumAccessStatusLabel: 'Eligible, network deployed',
			nroCode: 'NRO-69123-0345',
			pmCode: 'PM-69123-0345-01',
			blom: 'BLOM-69123-0345',
		});
		expect(body.checkedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
	});

	it('answers a line-number lead with the BLOM of the active offer', async () => {
		const { status, body } = await callWebhook({ leadId: 'LEAD-2', nd: '01 42 00 00 01' });
		expect(status).toBe(200);
		expect(body).toMatchObject({
			leadId: 'LEAD-2',
			nd: '0142000001',
			eligible: true,
			addressLabel: '12 RUE DE LA CONVENTION 75015 PARIS',
			blom: 'BLOM-75115-2156',
		});
	});

	it('answers a lead whose address Orange does not know with found false and its words', async () => {
		const { status, body } = await callWebhook({
			leadId: 'LEAD-4',
			address: 'Chez Marcel, au fond à gauche',
		});
		expect(status).toBe(200);
		expect(body).toMatchObject({
			leadId: 'LEAD-4',
			found: false,
			eligible: false,
			message: 'Address not found in the Orange address repository',
		});
	});

	it('answers a lead with a wrong address with the error, and asks Orange nothing', async () => {
		const before = await sandboxRequests();
		const { status, body } = await callWebhook({ leadId: 'LEAD-3', address: 'Lyon' });
		expect(status).toBe(200);
		expect(body).toMatchObject({ leadId: 'LEAD-3' });
		expect(body).not.toHaveProperty('eligible');
		expect(body.error).toBe(
			'Invalid Address in item 0: "Lyon" is not a postal address (expected number, street, postcode and city on one line, such as 12 bis rue de Vaugirard, 75015 Paris)',
		);
		expect(await sandboxRequests()).toBe(before);
	});
});

describe("the credentials' Test, as the editor's button runs it", () => {
	it("is green with the sandbox's values, red with Orange's words for a wrong secret", async () => {
		const { rest } = await ownerSession(server);
		await expectCredentialTests(rest, instance.sandboxUrl);
	});
});
