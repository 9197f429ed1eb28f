import type { INodeProperties } from 'n8n-workflow';

function isProperty(option: object): option is INodeProperties {
	return 'displayName' in option && 'type' in option;
}

function findDisplayName(properties: INodeProperties[], name: string): string | undefined {
	for (const property of properties) {
		if (property.name === name) return property.displayName;
		const found = findDisplayName((property.options ?? []).filter(isProperty), name);
		if (found) return found;
	}
	return undefined;
}

/**
 * How errors name a parameter: its display name, looked up in the operation's properties and
 * their collections, so that a label is written once, where the parameter is described.
 */
export function labelOf(properties: INodeProperties[], name: string): string {
	return findDisplayName(properties, name) ?? name;
}
