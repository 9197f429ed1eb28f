/**
 * Loaded into the n8n process by the bench only (`node --require bench/trace/preload.cjs`), never
 * by the package: timestamps along each request's life, written to
 * `$N8N_USER_FOLDER/orange-trace.json` when n8n exits. Nothing here changes what runs.
 *
 * - Which node a request belongs to: n8n-core's `WorkflowExecute.prototype.runNode`, wrapped to
 *   run each node in an AsyncLocalStorage context carrying its name.
 * - This package's phases (from its dist modules, wrapped as they load): the item's start
 *   (`runForEachItem`'s operation), `send` entered (parameters read), the credential's facts
 *   (token) at hand, `sendWithCredential` entered (n8n's helper called), the item's end (parsed).
 * - Every request, whichever node sends it: Node's `http.client.request.created` and
 *   `http.client.response.finish` diagnostics channels, and the socket's and the request's events:
 *   created → socket connected → request written → response headers → response end.
 */
'use strict';
const { AsyncLocalStorage } = require('node:async_hooks');
const diagnostics = require('node:diagnostics_channel');
const { writeFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');

const now = () => performance.now();
const storage = new AsyncLocalStorage();
/** @type {Record<string, unknown>[]} */
const records = [];

function wrapExport(exports, name, wrap) {
	const original = exports[name];
	if (typeof original !== 'function' || original.__orangeTrace) return;
	const wrapped = wrap(original);
	wrapped.__orangeTrace = true;
	try {
		exports[name] = wrapped;
	} catch {
		// A getter-only export: left as it is.
	}
}

/** The current item's record, if the caller runs inside one of this package's items. */
const currentItem = () => storage.getStore()?.item;
const mark = (phase) => {
	const item = currentItem();
	if (item && item[phase] === undefined) item[phase] = now();
};

/** A wrapper that marks `phase` on the current item when the function is called. */
const markOnCall = (phase) => (original) =>
	function (...args) {
		mark(phase);
		return original.apply(this, args);
	};

const patches = [
	{
		file: /\/n8n-core\/dist\/execution-engine\/workflow-execute\.js$/,
		patch: (exports) => {
			const proto = exports.WorkflowExecute?.prototype;
			if (!proto || proto.runNode.__orangeTrace) return;
			const original = proto.runNode;
			proto.runNode = function (workflow, executionData, ...rest) {
				const node = executionData?.node?.name;
				return storage.run({ node }, () => original.call(this, workflow, executionData, ...rest));
			};
			proto.runNode.__orangeTrace = true;
		},
	},
	{
		file: /\/n8n-nodes-orange\/dist\/nodes\/shared\/items\.js$/,
		patch: (exports) =>
			wrapExport(
				exports,
				'runForEachItem',
				(original) =>
					function (operation, ...rest) {
						const node = storage.getStore()?.node;
						const traced = function (itemIndex) {
							const item = { node, kind: 'item', itemIndex, start: now() };
							records.push(item);
							return storage.run({ node, item }, () =>
								operation.call(this, itemIndex).finally(() => {
									item.parsed = now();
								}),
							);
						};
						return original.call(this, traced, ...rest);
					},
			),
	},
	{
		file: /\/n8n-nodes-orange\/dist\/nodes\/shared\/transport\/send\.js$/,
		patch: (exports) => wrapExport(exports, 'send', markOnCall('send')),
	},
	{
		file: /\/n8n-nodes-orange\/dist\/nodes\/shared\/transport\/credential\.js$/,
		patch: (exports) => {
			wrapExport(
				exports,
				'credentialFactsFor',
				(original) =>
					function (...args) {
						return original.apply(this, args).then((facts) => {
							mark('token');
							return facts;
						});
					},
			);
			wrapExport(exports, 'sendWithCredential', markOnCall('helper'));
		},
	},
];

const originalLoad = Module._load;
const patched = new Set();
Module._load = function (request, parent, isMain) {
	const exports = originalLoad.apply(this, arguments);
	if (!/workflow-execute|items|send|credential/.test(request)) return exports;
	let filename;
	try {
		filename = Module._resolveFilename(request, parent, isMain);
	} catch {
		return exports;
	}
	if (patched.has(filename)) return exports;
	for (const { file, patch } of patches)
		if (file.test(filename)) {
			patched.add(filename);
			patch(exports);
		}
	return exports;
};

/** @type {WeakMap<object, Record<string, unknown>>} */
const byRequest = new WeakMap();
const created = diagnostics.channel('http.client.request.created');
created.subscribe(({ request }) => {
	const store = storage.getStore();
	const item = store?.item;
	// The first request of an item is the item's; any other (a retry, a token request) its own.
	const record = item && item.created === undefined ? item : { node: store?.node, kind: 'request' };
	if (record !== item) records.push(record);
	record.created = now();
	byRequest.set(request, record);
	request.once('socket', (socket) => {
		record.socket = now();
		if (socket.connecting) socket.once('connect', () => (record.connected = now()));
		else record.connected = record.socket;
	});
	request.once('finish', () => (record.sent = now()));
});
diagnostics.channel('http.client.response.finish').subscribe(({ request, response }) => {
	const record = byRequest.get(request);
	if (!record) return;
	record.headers = now();
	response.once('end', () => (record.end = now()));
});

process.once('exit', () => {
	const folder = process.env.N8N_USER_FOLDER;
	if (folder) writeFileSync(join(folder, 'orange-trace.json'), JSON.stringify(records));
});
