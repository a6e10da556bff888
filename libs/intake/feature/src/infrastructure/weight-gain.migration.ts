import { Migration } from '@mikro-orm/migrations';

/**
 * What the weight-gain judgement needs (issue #26): a row per weighed child whose row lock orders the judgements of
 * that child's weighings (see MeasurementWriter.lockWeighings), and the merges found by the record they point to,
 * so a merged child's history is read with the child's.
 */
export class WeightGainMigration extends Migration {
  override name = '20261205000100-intake-weight-gain';

  override up(): void {
    this.addSql(`
CREATE TABLE intake_weighed_children (child_id uuid PRIMARY KEY);
CREATE INDEX intake_known_children_merged_idx ON intake_known_children (merged_into) WHERE merged_into IS NOT NULL;
`);
  }
}
