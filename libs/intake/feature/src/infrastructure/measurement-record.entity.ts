import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { JudgedMeasurement } from '@registry/contracts';

/** The measurements read model, queried through MikroORM; written only by MeasurementReadModel. */
@Entity({ tableName: 'intake_measurements' })
@Index({ properties: ['childId', 'measuredOn'] })
export class MeasurementRecord {
  @PrimaryKey({ type: 'uuid' })
  measurementId!: string;

  @Property({ type: 'uuid' })
  childId!: string;

  @Property({ type: 'integer' })
  streamVersion!: number;

  @Property({ type: 'text' })
  status!: 'recorded' | 'voided';

  @Property({ type: 'string', columnType: 'date' })
  measuredOn!: string;

  @Property({ type: 'text' })
  regencyCode!: string;

  @Property({ type: 'json' })
  measurement!: JudgedMeasurement;

  @Property({ type: 'datetime' })
  recordedAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
