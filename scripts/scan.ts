/**
 * `npm run scan`: the checks `npx @n8n/scan-community-package` runs before n8n verifies a package,
 * run here on what would be published — its own code and rule sets, at the version pinned in
 * devDependencies. The scanner lints two things: the published tarball's `.js` and package.json,
 * and the package's source (nodes/, credentials/, package.json) from the commit its npm provenance
 * names. Here the tarball is `npm pack` of the built dist/, and the source is this checkout. (Its
 * provenance and download steps need a published version: see .github/workflows/publish.yml.)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT } from './n8nRuntime.ts';

interface Analysis {
	passed: boolean;
	message?: string;
	details?: string;
}
const scanner = (await import('@n8n/scan-community-package/scanner/scanner.mjs' as string)) as {
	analyzePackage: (folder: string, patterns?: string[]) => Promise<Analysis>;
	SOURCE_FILE_PATTERNS: string[];
};

const work = mkdtempSync(join(tmpdir(), 'n8n-orange-scan-'));
try {
	execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
		cwd: ROOT,
		stdio: 'pipe',
	});
	const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'))!;
	const published = join(work, 'package');
	mkdirSync(published);
	execFileSync('tar', ['-xzf', join(work, tarball), '-C', published, '--strip-components=1']);

	const results: [string, Analysis][] = [
		[
			'published tarball (.js, package.json)',
			await scanner.analyzePackage(published, ['**/*.js', 'package.json']),
		],
		[
			'source (nodes/, credentials/, package.json)',
			await scanner.analyzePackage(ROOT, scanner.SOURCE_FILE_PATTERNS),
		],
	];
	let failed = false;
	for (const [what, result] of results) {
		console.log(
			`${result.passed ? 'clean' : 'FINDINGS'}: ${what}${result.message ? ` — ${result.message}` : ''}`,
		);
		if (result.details) console.log(result.details);
		failed ||= !result.passed;
	}
	if (failed) process.exitCode = 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
