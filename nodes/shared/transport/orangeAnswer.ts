/**
 * What Orange answered for a call that failed, kept beside the error the user sees: a node that
 * treats some answers as outcomes (an unknown address is one, not a failure) reads them here,
 * without parsing the error's wording. Keyed by the error object, forgotten with it.
 */
import type { IDataObject } from 'n8n-workflow';

import { isUnknownPathAnswer } from '../gateway';

export interface OrangeAnswer {
	status?: number;
	/** Orange's error body, when it was JSON. */
	body?: IDataObject;
	/** For a 404: whether it says the path is unknown rather than the thing asked for. */
	unknownPath: boolean;
}

const answers = new WeakMap<object, OrangeAnswer>();

export function rememberAnswer(error: object, status: number | undefined, body?: IDataObject) {
	answers.set(error, { status, body, unknownPath: status === 404 && isUnknownPathAnswer(body) });
}

/** The answer behind an error the transport raised, or undefined for any other error. */
export function orangeAnswerOf(error: unknown): OrangeAnswer | undefined {
	return typeof error === 'object' && error !== null ? answers.get(error) : undefined;
}
