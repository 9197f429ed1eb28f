/**
 * How the calls of one node run share one token, per credential type. Items may run in parallel;
 * they must still use one token and ask n8n for a new one once, since Orange allows 50 token
 * requests a minute. The states:
 *
 * - cold (`warm` false): the credential held no usable token when the run began. The first call
 *   goes alone (`first`): through the credential's preAuthentication it fetches the token that the
 *   others then reuse; they wait for it to end, in success or failure.
 * - warm: a token is held (from an earlier execution, or since the first call ended); calls go at once.
 * - refreshing: a call got a 401 (token expired) and is having n8n fetch a new token; calls wait
 *   for `refreshing`, then go with the new token. `generation` counts refreshes: a call that got
 *   its 401 for a token that has been replaced since it was sent resends instead of refreshing again.
 * - refused: Orange refused the token request (wrong client secret): every later call fails with
 *   that refusal, without asking again for each item.
 */
export class TokenSharing<Refusal> {
	private first?: Promise<unknown>;
	private warm = false;
	private refreshing?: Promise<void>;
	private refreshCount = 0;
	private refusalSeen?: Refusal;

	/** The credential holds a usable token already: calls need not wait for a first one. */
	markWarm(): void {
		this.warm = true;
	}

	/**
	 * What a call must wait for before it is sent: the first call while cold, then a refresh under
	 * way. Undefined when it may go at once — then nothing is awaited, so that the first of several
	 * calls started together is registered (`track`) before the others ask.
	 */
	wait(): Promise<void> | undefined {
		if (!this.warm && this.first) {
			return this.first.then(
				() => this.refreshing,
				() => this.refreshing,
			);
		}
		return this.refreshing;
	}

	/** The number of refreshes so far: which token a call sent now carries. */
	get generation(): number {
		return this.refreshCount;
	}

	/** Registers a call just sent: while cold, the first one is the call the others wait for. */
	track<T>(pending: Promise<T>): Promise<T> {
		if (!this.warm && !this.first) {
			this.first = pending;
			const warmUp = () => (this.warm = true);
			void pending.then(warmUp, warmUp);
		}
		return pending;
	}

	/**
	 * After a 401 on a call sent with the token of `generation`: if no other call has refreshed
	 * since, nor is refreshing, this call becomes the one that refreshes, and must call the answered
	 * `end` when it is done. Answers undefined when the call should just be sent again.
	 */
	beginRefresh(generation: number): (() => void) | undefined {
		if (this.refreshCount !== generation || this.refreshing) return undefined;
		let release = () => {};
		this.refreshing = new Promise<void>((resolve) => (release = resolve));
		return () => {
			this.refreshCount++;
			this.refreshing = undefined;
			release();
		};
	}

	/** Orange refused the token request: later calls fail with this at once. */
	refuse(refusal: Refusal): void {
		this.refusalSeen = refusal;
	}

	get refusal(): Refusal | undefined {
		return this.refusalSeen;
	}
}
