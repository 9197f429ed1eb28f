// Build steps tsc does not do: empty dist/ first (no stale file ships), then copy the icons next
// to the compiled JavaScript — n8n resolves `file:` icon paths relative to the built file.
const { rmSync } = require('fs');
const { src, dest } = require('gulp');

function clean(done) {
	rmSync('dist', { recursive: true, force: true });
	done();
}

function copyIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}', 'icons/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.clean = clean;
exports['build:icons'] = copyIcons;
