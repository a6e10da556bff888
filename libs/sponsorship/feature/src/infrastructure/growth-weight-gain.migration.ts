import { Migration } from '@mikro-orm/migrations';

/**
 * The posyandu's judgement of each weighing in the portal's copy of a child's growth (issue #31: the N/T history):
 * N, T, O or B with the months of T in a row, and BGM. Rows written before it hold none until the growth projection
 * is rebuilt (`npm run rebuild -- sponsorship`).
 */
export class SponsorshipGrowthWeightGainMigration extends Migration {
  override name = '20261205200000-sponsorship-growth-weight-gain';

  override up(): void {
    this.addSql(`
ALTER TABLE sponsorship_growth ADD COLUMN weight_gain jsonb, ADD COLUMN bgm boolean NOT NULL DEFAULT false;
`);
  }
}
