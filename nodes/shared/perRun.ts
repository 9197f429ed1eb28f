/**
 * A value worked out once per node run. n8n gives each run its own context object (the `this` of
 * `execute`, `poll` or a list search): keyed on it, the value is shared by every item of the run
 * and forgotten with it. An optional key tells several values of one run apart (one per
 * credential type, say).
 */
export function perRun<Context extends object, Value>(
	compute: (context: Context, key: string) => Value,
): (context: Context, key?: string) => Value {
	const memo = new WeakMap<object, Map<string, Value>>();
	return (context, key = '') => {
		let values = memo.get(context);
		if (!values) {
			values = new Map();
			memo.set(context, values);
		}
		if (!values.has(key)) values.set(key, compute(context, key));
		return values.get(key) as Value;
	};
}
