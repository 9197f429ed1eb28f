/** File name from a Content-Disposition header (RFC 6266, with RFC 5987 `filename*`). */
export function fileNameFromContentDisposition(header: string | undefined): string | undefined {
	if (!header) return undefined;
	const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
	if (extended) {
		try {
			return decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
		} catch {
			// Malformed percent-encoding: fall back to the plain parameter.
		}
	}
	const plain = /filename\s*=\s*("((?:\\.|[^"\\])*)"|[^;]+)/i.exec(header);
	if (!plain) return undefined;
	const value = plain[2] !== undefined ? plain[2].replace(/\\(.)/g, '$1') : plain[1].trim();
	return value.split(/[\\/]/).pop() || undefined;
}
