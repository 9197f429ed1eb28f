import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties } from '../shared/resources';
import { resources, router } from './actions/router';

export class OrangeEligibility implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Orange Eligibility',
		name: 'orangeEligibility',
		icon: {
			light: 'file:../../icons/eligibility.svg',
			dark: 'file:../../icons/eligibility.dark.svg',
		},
		group: ['input'],
		version: [1, 2],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
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
