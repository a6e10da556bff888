import { MeasurementRuleViolation } from '@registry/intake-domain';
import { ConcurrentAppendError } from '@registry/event-store';

/** A record id of the request is recorded already: by an earlier request, or by a concurrent one meanwhile. */
export class SourceRecordRace extends Error {
  constructor() {
    super('a record id of this request is recorded already, by an earlier or a concurrent request');
    this.name = 'SourceRecordRace';
  }
}

/** Appends refused for a concurrent one to the same stream, retried in a new transaction (see below). */
const APPEND_RACES = 3;

/**
 * Runs `attempt` again when a concurrent request wrote one of its record ids first. The first attempt trusts the
 * key of intake_source_records to find resent record ids (the usual weighing day has none, and a look-up of 5,000
 * ids costs more than the rest of the transaction); a later one looks every record id up first (`checkFirst`) and
 * answers the recorded ones as duplicates. Each lost race means one more of the request's `recordIdCount` ids was
 * committed by another request, which the next look-up finds: the attempts end after at most that many races (a
 * weighing day resent by several processes at once, under load, lost more than five).
 *
 * Also again, at most APPEND_RACES times, when the append lost a race on a stream (ConcurrentAppendError): a
 * transaction that got its id before it waited for a child's lock (the first lock of a child inserts its row in
 * intake_weighed_children: two first writers both take an id, and the one with the older id may wait for the other;
 * a batch takes its id with its first child's lock) while a request with other record ids of that child appended
 * to a weighing this one re-judges is refused ('transaction-order', see es_append). Nothing was written; the next
 * transaction finds the child's row and takes its id after the lock, behind every append it waited for.
 */
export async function retryingSourceRecordRaces<T>(
  recordIdCount: number,
  attempt: (checkFirst: boolean) => Promise<T>,
): Promise<T> {
  let races = 0;
  let appendRaces = 0;
  for (let attempts = 1; ; attempts += 1) {
    try {
      return await attempt(attempts > 1);
    } catch (error) {
      if (error instanceof ConcurrentAppendError && appendRaces < APPEND_RACES) {
        appendRaces += 1;
        continue;
      }
      if (!(error instanceof SourceRecordRace)) throw error;
      races += 1;
      if (races > recordIdCount + 1)
        throw new MeasurementRuleViolation(
          'conflict',
          'sourceRecordId',
          'the same records are being written by concurrent requests; send them again',
        );
    }
  }
}
