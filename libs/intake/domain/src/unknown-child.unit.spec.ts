import { uuidV7 } from '@registry/contracts';
import { answerUnknownChild, RETRY_AFTER_SECONDS } from './unknown-child';

const NOW = Date.parse('2026-08-12T03:00:00Z');
const minute = 60_000;
const RETRY = { kind: 'retry', afterSeconds: RETRY_AFTER_SECONDS };
const REJECTED = { kind: 'rejected' };
/** Intake caught up, its newest known registration made `ago` ms before now. */
const caughtUp = (ago: number) => ({ caughtUp: true, newestKnownChildId: uuidV7(NOW - ago), now: NOW });

describe('what intake answers for a child it does not know', () => {
  it('asks for a retry, whatever the id, while it is behind on identity or cannot ask the broker', () => {
    const behind = { caughtUp: false, newestKnownChildId: uuidV7(NOW - minute), now: NOW };
    expect(answerUnknownChild(uuidV7(NOW - 400 * 24 * 60 * minute), 'nowhere', behind)).toEqual(RETRY);
    expect(answerUnknownChild('3f1c6a1e-2b7d-4c55-9a0e-0d4f5e6a7b8c', 'nowhere', behind)).toEqual(RETRY);
    // A child known outside the caller's area may be moving into it.
    expect(answerUnknownChild(uuidV7(NOW - 400 * 24 * 60 * minute), 'elsewhere', behind)).toEqual(RETRY);
  });

  it('refuses, once caught up, a child known elsewhere and an id that is not a UUIDv7', () => {
    expect(answerUnknownChild(uuidV7(NOW - 10_000), 'elsewhere', caughtUp(minute))).toEqual(REJECTED);
    expect(answerUnknownChild('3f1c6a1e-2b7d-4c55-9a0e-0d4f5e6a7b8c', 'nowhere', caughtUp(minute))).toEqual(REJECTED);
  });

  it('asks for a retry for an id minted after the newest registration seen, in the last 15 minutes', () => {
    // Minted 10 s ago, the newest registration seen 1 minute ago: identity's relay has not published it yet.
    expect(answerUnknownChild(uuidV7(NOW - 10_000), 'nowhere', caughtUp(minute))).toEqual(RETRY);
    // Within a minute before the newest seen: a transaction that committed after a later-minted one.
    expect(answerUnknownChild(uuidV7(NOW - minute - 59_000), 'nowhere', caughtUp(minute))).toEqual(RETRY);
    // Intake knows no child at all yet.
    expect(
      answerUnknownChild(uuidV7(NOW - minute), 'nowhere', { caughtUp: true, newestKnownChildId: null, now: NOW }),
    ).toEqual(RETRY);
  });

  it('refuses an id older than the newest registration seen by over a minute, or minted over 15 minutes ago', () => {
    expect(answerUnknownChild(uuidV7(NOW - 2 * minute - 1), 'nowhere', caughtUp(minute))).toEqual(REJECTED);
    // Nothing registered for an hour: an id of 15 minutes ago would have arrived by now.
    expect(answerUnknownChild(uuidV7(NOW - 15 * minute), 'nowhere', caughtUp(60 * minute))).toEqual(REJECTED);
    expect(answerUnknownChild(uuidV7(NOW - 15 * minute + 1), 'nowhere', caughtUp(60 * minute))).toEqual(RETRY);
    // An id from the future (a client's clock, or an invented id) is not a registration on its way.
    expect(answerUnknownChild(uuidV7(NOW + 2 * minute), 'nowhere', caughtUp(minute))).toEqual(REJECTED);
  });
});
