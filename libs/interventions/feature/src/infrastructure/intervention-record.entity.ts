import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { FundingSource, InterventionCategory } from '@registry/interventions-domain';

/** The interventions read model, queried through MikroORM; written only by InterventionReadModel. */
@Entity({ tableName: 'interventions_interventions' })
@Index({ properties: ['childId'] })
export class InterventionRecord {
  @PrimaryKey({ type: 'uuid' })
  interventionId!: string;

  @Property({ type: 'uuid' })
  childId!: string;

  @Property({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'text' })
  category!: InterventionCategory;

  @Property({ type: 'text' })
  status!: 'planned' | 'delivered' | 'cancelled';

  @Property({ type: 'string', columnType: 'date', nullable: true })
  plannedOn!: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  deliveredOn!: string | null;

  @Property({ type: 'text' })
  provider!: string;

  @Property({ type: 'double' })
  quantity!: number;

  @Property({ type: 'text' })
  unit!: string;

  @Property({ type: 'text' })
  fundingSource!: FundingSource;

  @Property({ type: 'uuid', nullable: true })
  sponsorshipId!: string | null;

  @Property({ type: 'text', nullable: true })
  notes!: string | null;

  @Property({ type: 'text', nullable: true })
  cancelReason!: string | null;

  @Property({ type: 'text' })
  regencyCode!: string;

  @Property({ type: 'integer' })
  streamVersion!: number;

  @Property({ type: 'datetime' })
  recordedAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
