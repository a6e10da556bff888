import { ApiProperty } from '@nestjs/swagger';
import { FUNDING_SOURCES, OPDS } from '@registry/interventions-domain';

/** An intervention as the API answers it: what, for whom, by which OPD, how funded, and where it stands. */
export class InterventionResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ format: 'uuid' }) readonly childId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The open case it serves' })
  readonly caseId!: string | null;
  @ApiProperty({ description: 'A code of the catalog (GET /v1/intervention-types)' }) readonly type!: string;
  @ApiProperty({ enum: ['specific', 'sensitive'] }) readonly category!: 'specific' | 'sensitive';
  @ApiProperty({ enum: ['planned', 'delivered', 'cancelled'] })
  readonly status!: 'planned' | 'delivered' | 'cancelled';
  @ApiProperty({ type: String, format: 'date', nullable: true }) readonly plannedOn!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) readonly deliveredOn!: string | null;
  @ApiProperty({ enum: Object.keys(OPDS), description: 'The OPD that delivers it' }) readonly provider!: string;
  @ApiProperty() readonly quantity!: number;
  @ApiProperty() readonly unit!: string;
  @ApiProperty({ enum: FUNDING_SOURCES }) readonly fundingSource!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) readonly sponsorshipId!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly notes!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly cancelReason!: string | null;
  @ApiProperty() readonly regencyCode!: string;
  @ApiProperty() readonly version!: number;
}
