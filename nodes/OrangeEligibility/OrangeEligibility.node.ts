import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties, subtitleFor } from '../shared/resources';
import { resources, router } from './actions/router';

export class OrangeEligibility implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Orange Eligibility',
		name: 'orangeEligibility',
		icon: {
			light: 'file:../../icons/eligibility.svg',
			dark: 'file:../../icons/eligibility.dark.svg',
		},
		// A page of its own: n8n appends ?utm_… to a codex link, which would break an #anchor.
		documentationUrl:
			'https://github.com/n8n-nodes-orange/n8n-nodes-orange/blob/main/docs/orange-eligibility.md',
		group: ['input'],
		version: [1, 2],
		subtitle: subtitleFor(resources),
		description:
			'Real-time eligibility of an address or a line number to the Optimum offers of Orange Wholesale France',
		defaults: { name: 'Orange Eligibility' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'orangeEligibilityApi', required: true }],
		properties: nodeProperties(resources, 'eligibility'),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
