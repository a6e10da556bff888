import { ApiProperty } from '@nestjs/swagger';
import { COMMITMENT_KINDS, SPONSORSHIP_STATUSES } from '@registry/sponsorship-domain';

const END_CAUSES = ['requested', 'completed', 'child_died', 'child_moved', 'child_merged', 'child_aged_out'];

/** What the sponsor pledged, from which month and for how many. */
export class CommitmentResponse {
  @ApiProperty({ enum: COMMITMENT_KINDS }) readonly kind!: string;
  @ApiProperty() readonly description!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Rupiah a month, when the pledge is money' })
  readonly amountIdr!: number | null;
  @ApiProperty({ format: 'date' }) readonly startOn!: string;
  @ApiProperty() readonly months!: number;
}

/** Contributed against pledged, as of a day. */
export class FulfilmentResponse {
  @ApiProperty({ format: 'date' }) readonly asOf!: string;
  @ApiProperty() readonly monthsDue!: number;
  @ApiProperty({ type: Number, nullable: true }) readonly pledgedToDateIdr!: number | null;
  @ApiProperty() readonly contributedIdr!: number;
  @ApiProperty() readonly contributions!: number;
  @ApiProperty() readonly monthsWithoutContribution!: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) readonly lastContributionOn!: string | null;
}

/** A sponsorship as the TPPS sees it: the pledge, where it stands today, and contributed against pledged. */
export class SponsorshipResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ format: 'uuid' }) readonly sponsorId!: string;
  @ApiProperty({ format: 'uuid' }) readonly childId!: string;
  @ApiProperty() readonly regencyCode!: string;
  @ApiProperty({ enum: SPONSORSHIP_STATUSES }) readonly status!: string;
  @ApiProperty({ type: CommitmentResponse }) readonly commitment!: CommitmentResponse;
  @ApiProperty() readonly agreementRef!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) readonly endedOn!: string | null;
  @ApiProperty({ type: String, enum: END_CAUSES, nullable: true }) readonly endCause!: string | null;
  @ApiProperty({ type: FulfilmentResponse }) readonly fulfilment!: FulfilmentResponse;
}
