/**
 * n8n's verification guidelines: a community node reads neither environment variables nor the file
 * system. Checked on what ships (the files `npm pack` puts in the package), by reading their syntax
 * tree: any use of the global `process`, any import of a file-system module, any call of n8n's own
 * file-system helpers.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { ROOT } from '../scripts/n8nRuntime.ts';

const FILE_SYSTEM_MODULES = /^(node:)?(fs|fs\/promises|child_process)$/;
/** n8n's helpers that read or write files (IExecuteFunctions['helpers'] and the file-system helpers). */
const FILE_SYSTEM_HELPERS = new Set([
	'createReadStream',
	'getStoragePath',
	'writeContentToFile',
	'isFilePathBlocked',
	'resolvePath',
]);

/** What in a JavaScript file reads the environment or the file system, one line each. */
function forbiddenUses(file: string, text: string): string[] {
	const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
	const found: string[] = [];
	const at = (node: ts.Node) =>
		`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
	const visit = (node: ts.Node): void => {
		const parent = node.parent;
		if (
			ts.isIdentifier(node) &&
			node.text === 'process' &&
			!(ts.isPropertyAccessExpression(parent) && parent.name === node) &&
			!(ts.isPropertyAssignment(parent) && parent.name === node)
		)
			found.push(`${at(node)} uses process`);
		if (ts.isCallExpression(node) && node.arguments.length > 0) {
			const callee = node.expression;
			const argument = node.arguments[0];
			const loads =
				(ts.isIdentifier(callee) && callee.text === 'require') ||
				callee.kind === ts.SyntaxKind.ImportKeyword;
			if (loads && ts.isStringLiteral(argument) && FILE_SYSTEM_MODULES.test(argument.text))
				found.push(`${at(node)} loads ${argument.text}`);
		}
		if (ts.isPropertyAccessExpression(node) && FILE_SYSTEM_HELPERS.has(node.name.text))
			found.push(`${at(node)} calls ${node.name.text}`);
		if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
			if (FILE_SYSTEM_MODULES.test(node.moduleSpecifier.text))
				found.push(`${at(node)} imports ${node.moduleSpecifier.text}`);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

function shippedJavaScript(): string[] {
	const [pack] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--silent'], {
			cwd: ROOT,
			encoding: 'utf8',
		}),
	) as { files: { path: string }[] }[];
	return pack.files.map((f) => f.path).filter((path) => path.endsWith('.js'));
}

describe('what ships reads neither the environment nor the file system', () => {
	it('finds each kind of use in a sample, and nothing in clean code', () => {
		const sample = [
			'const key = process.env.ORANGE_KEY;',
			'const { env } = process;',
			"const fs = require('node:fs');",
			"import('fs/promises');",
			'this.helpers.createReadStream(path);',
		].join('\n');
		expect(forbiddenUses('sample.js', sample)).toEqual([
			'sample.js:1 uses process',
			'sample.js:2 uses process',
			'sample.js:3 loads node:fs',
			'sample.js:4 loads fs/promises',
			'sample.js:5 calls createReadStream',
		]);
		expect(
			forbiddenUses('clean.js', 'const a = { process: 1 }; a.process; require("n8n-workflow");'),
		).toEqual([]);
	});

	it('in every JavaScript file of the package', () => {
		const files = shippedJavaScript();
		expect(files).toContain('dist/nodes/OrangeCloudStore/OrangeCloudStore.node.js');
		const found = files.flatMap((file) =>
			forbiddenUses(file, readFileSync(join(ROOT, file), 'utf8')),
		);
		expect(found).toEqual([]);
	});
});

describe('publishing', () => {
	it('publishes from GitHub Actions on a version tag, with npm provenance', () => {
		const workflow = readFileSync(join(ROOT, '.github', 'workflows', 'publish.yml'), 'utf8');
		expect(workflow).toMatch(/^on:\n {2}push:\n {4}tags:\n {6}- '\*\.\*\.\*'$/m);
		expect(workflow).toMatch(/^ {6}id-token: write$/m);
		expect(workflow).toMatch(/^ {10}npm publish --provenance --access public$/m);
	});
});
