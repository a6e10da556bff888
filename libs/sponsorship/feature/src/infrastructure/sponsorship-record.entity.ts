import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { CommitmentKind, EndCause } from '@registry/sponsorship-domain';

/**
 * The sponsorships read model, queried through MikroORM. It is written only by {@link SponsorshipReadModel}, in
 * the same transaction as the events it reflects, and can be rebuilt from them at any time.
 */
@Entity({ tableName: 'sponsorship_sponsorships' })
export class SponsorshipRecord {
  @PrimaryKey({ type: 'uuid' })
  sponsorshipId!: string;

  @Index()
  @Property({ type: 'uuid' })
  childId!: string;

  @Index()
  @Property({ type: 'uuid' })
  sponsorId!: string;

  @Property({ type: 'text' })
  regencyCode!: string;

  @Property({ type: 'text' })
  kind!: CommitmentKind;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'integer', nullable: true })
  amountIdr!: number | null;

  @Property({ type: 'string', columnType: 'date' })
  startOn!: string;

  @Property({ type: 'integer' })
  months!: number;

  @Property({ type: 'text' })
  agreementRef!: string;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  endedOn!: string | null;

  @Property({ type: 'text', nullable: true })
  endCause!: EndCause | null;

  @Property({ type: 'datetime' })
  pledgedAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
