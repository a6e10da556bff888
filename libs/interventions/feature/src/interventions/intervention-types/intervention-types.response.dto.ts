import { ApiProperty } from '@nestjs/swagger';
import { CASE_TYPES, FUNDING_SOURCES, OPDS } from '@registry/interventions-domain';

export class AgeRangeResponse {
  @ApiProperty() readonly from!: number;
  @ApiProperty() readonly to!: number;
}

/** One intervention of Perpres 72/2021 (Stranas Stunting) as the registry records it. */
export class InterventionTypeResponse {
  @ApiProperty() readonly code!: string;
  @ApiProperty({ enum: ['specific', 'sensitive'] }) readonly category!: 'specific' | 'sensitive';
  @ApiProperty() readonly name!: string;
  @ApiProperty({ enum: Object.keys(OPDS) }) readonly responsibleOpd!: string;
  @ApiProperty() readonly unit!: string;
  @ApiProperty({ enum: ['child', 'household', 'pregnant_mother', 'adolescent_girl'] }) readonly target!: string;
  @ApiProperty({ type: AgeRangeResponse, nullable: true, description: 'Months; null for any age' })
  readonly ageMonths!: AgeRangeResponse | null;
  @ApiProperty({ enum: CASE_TYPES, isArray: true }) readonly caseTypes!: string[];
  @ApiProperty() readonly severeOnly!: boolean;
  @ApiProperty({ type: Number, nullable: true }) readonly coversDays!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly urgentWithinDays!: number | null;
  @ApiProperty() readonly metByMeasurement!: boolean;
}

export class OpdResponse {
  @ApiProperty({ enum: Object.keys(OPDS) }) readonly code!: string;
  @ApiProperty() readonly name!: string;
}

export class InterventionTypesResponse {
  @ApiProperty({ type: [InterventionTypeResponse] }) readonly items!: InterventionTypeResponse[];
  @ApiProperty({ type: [OpdResponse] }) readonly opds!: OpdResponse[];
  @ApiProperty({ enum: FUNDING_SOURCES, isArray: true }) readonly fundingSources!: string[];
}
