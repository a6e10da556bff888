import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The children read model, queried through MikroORM. It is written only by {@link ChildReadModel}, in the same
 * transaction as the events it reflects, and can be rebuilt from them at any time.
 */
@Entity({ tableName: 'identity_children' })
export class ChildRecord {
  @PrimaryKey({ type: 'uuid' })
  childId!: string;

  @Property({ type: 'integer' })
  streamVersion!: number;

  @Property({ type: 'text' })
  status!: 'active' | 'died' | 'merged';

  @Property({ type: 'text' })
  sex!: 'male' | 'female';

  @Property({ type: 'string', columnType: 'date' })
  birthDate!: string;

  @Property({ type: 'integer', nullable: true })
  birthWeightGrams!: number | null;

  @Property({ type: 'double', columnType: 'numeric(4,1)', nullable: true })
  birthLengthCm!: number | null;

  @Property({ type: 'boolean' })
  hasNik!: boolean;

  @Index()
  @Property({ type: 'text' })
  villageCode!: string;

  @Property({ type: 'text' })
  districtCode!: string;

  @Property({ type: 'text' })
  regencyCode!: string;

  @Property({ type: 'integer' })
  personalDataVersion!: number;

  @Property({ type: 'text', nullable: true })
  nikLookup!: string | null;

  @Property({ type: 'text', nullable: true })
  familyCardLookup!: string | null;

  @Property({ type: 'text', nullable: true })
  nameLookup!: string | null;

  @Property({ type: 'text', nullable: true })
  motherNameLookup!: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  diedOn!: string | null;

  @Property({ type: 'uuid', nullable: true })
  mergedInto!: string | null;

  @Property({ type: 'datetime' })
  registeredAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
