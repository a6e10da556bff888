import { uuidV7Time } from '@registry/contracts';

/**
 * What intake answers when a measurement names a child it does not know, or knows only outside the caller's area
 * (issue #24). Intake learns children from identity's events, so "no such child here" is final only when nothing
 * from identity can still be on its way; until then the caller is told to send the item again.
 */
export type UnknownChildAnswer =
  { readonly kind: 'rejected' } | { readonly kind: 'retry'; readonly afterSeconds: number };

/** How far intake has read identity's events, when a child is not found. */
export interface IdentityProgress {
  /**
   * Identity has published everything it stored, and intake has applied everything identity's topic holds; false
   * too when identity or the broker cannot be asked.
   */
  readonly caughtUp: boolean;
  /** The newest child id intake knows (UUIDv7: its latest registration seen); null when it knows none. */
  readonly newestKnownChildId: string | null;
  /** Unix milliseconds. */
  readonly now: number;
}

/** What a retry is told to wait: about what intake takes to read a few seconds of identity's events. */
export const RETRY_AFTER_SECONDS = 3;
/** Events reach the topic in commit order, not in the order their ids were minted: a long transaction publishes late. */
const COMMIT_SKEW_MS = 60_000;
/** How long an id newer than every registration seen may still be one on its way: then it is an unknown id. */
const ON_ITS_WAY_MS = 15 * 60_000;

const REJECTED: UnknownChildAnswer = { kind: 'rejected' };
const RETRY: UnknownChildAnswer = { kind: 'retry', afterSeconds: RETRY_AFTER_SECONDS };

/**
 * `nowhere`: intake has no record of the id; `elsewhere`: it knows the child outside the caller's area (a move into
 * it may be on its way). Behind on identity's topic, both are a retry. Caught up, a child known elsewhere is refused,
 * and so is an unknown id, unless it is a UUIDv7 minted after the newest registration intake has seen, in the last
 * 15 minutes: a registration identity acknowledged and has not published yet (its relay is behind).
 */
export function answerUnknownChild(
  childId: string,
  known: 'nowhere' | 'elsewhere',
  progress: IdentityProgress,
): UnknownChildAnswer {
  if (!progress.caughtUp) return RETRY;
  if (known === 'elsewhere') return REJECTED;
  const minted = uuidV7Time(childId);
  if (minted === null) return REJECTED;
  const newest = progress.newestKnownChildId === null ? null : uuidV7Time(progress.newestKnownChildId);
  const afterNewestSeen = newest === null || minted > newest - COMMIT_SKEW_MS;
  const recent = minted > progress.now - ON_ITS_WAY_MS && minted <= progress.now + COMMIT_SKEW_MS;
  return afterNewestSeen && recent ? RETRY : REJECTED;
}
