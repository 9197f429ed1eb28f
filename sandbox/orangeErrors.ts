/** Orange's error body: `{ code, message, description }`. */
export function orangeError(code: number, message: string, description: string) {
	return { code, message, description };
}
