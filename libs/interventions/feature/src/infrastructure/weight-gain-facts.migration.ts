import { Migration } from '@mikro-orm/migrations';

/**
 * The posyandu's reading of each weighing in the case tracker's measurement facts, for the follow-up of 2T and BGM
 * (issue #26): intake's judgement with its months of T in a row, and BGM. Rows stored before it hold NULLs, read as
 * not judged, and are not backfilled (the tracker is never replayed: it would decide again). A follow-up is decided
 * by the latest weighing and intake counts the run of T over the whole history, so a child already 2T or BGM before
 * the change is followed from its next weighing judged T or BGM; a weighing judged before it decides nothing.
 */
export const interventionsWeightGainSql = `
ALTER TABLE interventions_measurements ADD COLUMN weight_gain_judgement text, ADD COLUMN consecutive_t integer,
  ADD COLUMN bgm boolean;
`;

export class InterventionsWeightGainMigration extends Migration {
  override name = '20261212000000-interventions-weight-gain';

  override up(): void {
    this.addSql(interventionsWeightGainSql);
  }
}
