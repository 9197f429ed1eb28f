/**
 * A fresh n8n user folder with the packed package installed as n8n installs community packages,
 * the sandbox running, sandbox credentials and the example and e2e workflows imported.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureN8n, installPackage, n8n, ROOT, sandboxCredentials } from '../../scripts/n8n.ts';

export { sandboxCredentials };

export interface Instance {
	userFolder: string;
	sandboxUrl: string;
	/** Imported workflows by file name. */
	workflows: Record<string, { id: string; name: string }>;
	stop: () => void;
}

export async function prepareInstance(): Promise<Instance> {
	ensureN8n();
	const packDir = mkdtempSync(join(tmpdir(), 'n8n-orange-pack-'));
	execFileSync('npm', ['pack', '--pack-destination', packDir], { cwd: ROOT, stdio: 'pipe' });
	const tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz'))!);

	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-orange-e2e-'));
	installPackage(userFolder, tarball);

	const sandbox: ChildProcess = spawn(
		process.execPath,
		[join(ROOT, 'sandbox/cli.ts'), '--port', '0'],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	const sandboxUrl = await new Promise<string>((resolve) => {
		sandbox.stdout!.on('data', (chunk: Buffer) => {
			const match = /Orange sandbox on (\S+)/.exec(chunk.toString());
			if (match) resolve(match[1]);
		});
	});

	const credentialsFile = join(userFolder, 'credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(sandboxCredentials(sandboxUrl)));
	const imported = n8n(userFolder, ['import:credentials', `--input=${credentialsFile}`]);
	if (imported.status !== 0) throw new Error(`import:credentials failed: ${imported.stderr}`);

	const workflows: Instance['workflows'] = {};
	for (const folder of ['examples', 'test/e2e/workflows']) {
		for (const file of readdirSync(join(ROOT, folder)).filter((f) =>
			f.endsWith('.workflow.json'),
		)) {
			const workflow = JSON.parse(readFileSync(join(ROOT, folder, file), 'utf8')) as {
				id: string;
				name: string;
			};
			const result = n8n(userFolder, ['import:workflow', `--input=${join(ROOT, folder, file)}`]);
			if (result.status !== 0) throw new Error(`import:workflow ${file} failed: ${result.stderr}`);
			workflows[file] = { id: workflow.id, name: workflow.name };
		}
	}
	return { userFolder, sandboxUrl, workflows, stop: () => sandbox.kill() };
}
