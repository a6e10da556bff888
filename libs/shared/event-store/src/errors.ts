export type ExpectedVersion = number | 'no_stream' | 'any';

/** An append lost a race or a precondition; nothing was written. Retrying the whole unit of work is safe. */
export abstract class AppendConflictError extends Error {}

/** The stream is not at the version the caller decided on (HTTP 409). */
export class ExpectedVersionConflictError extends AppendConflictError {
  override readonly name = 'ExpectedVersionConflictError';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, expected ${expected}`);
  }
}

export type ConcurrentAppendReason =
  /** another transaction wrote the stream or one of the event ids where this one's snapshot could not see it */
  | 'concurrent-write'
  /**
   * the caller's transaction got its transaction id before the last committed append to this stream did:
   * the relay publishes in transaction id order, so writing now would publish this stream out of order
   */
  | 'transaction-order';

/** Another transaction interfered with this append. `EventStore.append` retries it itself. */
export class ConcurrentAppendError extends AppendConflictError {
  override readonly name = 'ConcurrentAppendError';

  constructor(
    readonly streamIds: readonly string[],
    readonly reason: ConcurrentAppendReason,
  ) {
    super(`concurrent append to ${streamIds.join(', ')} (${reason}); retry the unit of work`);
  }
}

/** Some, but not all, of the given event ids are already stored: a client reused ids for a different append. */
export class EventIdReuseError extends Error {
  override readonly name = 'EventIdReuseError';

  constructor(readonly storedEventIds: readonly string[]) {
    super(`event ids already stored in another append: ${storedEventIds.join(', ')}`);
  }
}
