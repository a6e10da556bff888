import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_TYPES, OPDS } from '@registry/interventions-domain';

/** Where the child lives and how old it is; names stay in the identity service. */
export class CaseChildResponse {
  @ApiProperty() readonly villageCode!: string;
  @ApiProperty() readonly districtCode!: string;
  @ApiProperty() readonly ageMonths!: number;
  @ApiProperty({ format: 'date', description: 'The day the child turns 60 months' }) readonly agesOutOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) readonly lastMeasuredOn!: string | null;
}

/** Why a case is overdue: not measured again in time, or an urgent item not delivered by its day. */
export class OverdueReasonResponse {
  @ApiProperty({ enum: ['not_measured', 'urgent_item_not_delivered'] })
  readonly kind!: 'not_measured' | 'urgent_item_not_delivered';
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'not_measured' })
  readonly lastMeasuredOn?: string | null;
  @ApiPropertyOptional({ description: 'urgent_item_not_delivered: the intervention type' }) readonly type?: string;
  @ApiPropertyOptional({ format: 'date', description: 'urgent_item_not_delivered' }) readonly dueOn?: string;
}

/** A case as the TPPS works it, without its package (CaseResponse and CaseSummaryResponse add it). */
abstract class CaseFieldsResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ format: 'uuid' }) readonly childId!: string;
  @ApiProperty({ enum: CASE_TYPES }) readonly type!: string;
  @ApiProperty({ enum: ['moderate', 'severe'] }) readonly severity!: 'moderate' | 'severe';
  @ApiProperty() readonly urgent!: boolean;
  @ApiProperty({ enum: ['open', 'closed'] }) readonly status!: 'open' | 'closed';
  @ApiProperty({ format: 'date' }) readonly openedOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) readonly closedOn!: string | null;
  @ApiProperty({
    type: String,
    enum: ['recovered', 'aged_out', 'died', 'merged', 'measurement_withdrawn'],
    nullable: true,
  })
  readonly closeReason!: string | null;
  @ApiProperty() readonly daysOpen!: number;
  @ApiProperty({ format: 'uuid' }) readonly triggeringMeasurementId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) readonly closingMeasurementId!: string | null;
  @ApiProperty({ description: 'The TPPS following the case' }) readonly regencyCode!: string;
  @ApiProperty({ type: [String], description: 'Every regency that followed it' }) readonly regencyHistory!: string[];
  @ApiProperty({ type: CaseChildResponse }) readonly child!: CaseChildResponse;
  @ApiProperty({ type: [String], description: 'The intervention types of the package still missing' })
  readonly lacking!: string[];
  @ApiProperty({ type: [OverdueReasonResponse] }) readonly overdue!: OverdueReasonResponse[];
  @ApiProperty() readonly version!: number;
}

/** One item of the intervention package a case asks for, and where it stands. */
export class PackageItemResponse {
  @ApiProperty() readonly type!: string;
  @ApiProperty({ enum: ['specific', 'sensitive'] }) readonly category!: 'specific' | 'sensitive';
  @ApiProperty() readonly name!: string;
  @ApiProperty({ enum: Object.keys(OPDS) }) readonly responsibleOpd!: string;
  @ApiProperty({ enum: ['delivered', 'planned', 'missing'] }) readonly status!: 'delivered' | 'planned' | 'missing';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) readonly interventionId!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) readonly on!: string | null;
  @ApiProperty({ type: Number, nullable: true }) readonly urgentWithinDays!: number | null;
}

export class PackageCountsResponse {
  @ApiProperty() readonly delivered!: number;
  @ApiProperty() readonly planned!: number;
  @ApiProperty() readonly missing!: number;
}

export class CasePackageResponse extends PackageCountsResponse {
  @ApiProperty({ format: 'date' }) readonly asOf!: string;
  @ApiProperty() readonly ageMonths!: number;
  @ApiProperty({ type: [PackageItemResponse] }) readonly items!: PackageItemResponse[];
}

/** A case with its package item by item. */
export class CaseResponse extends CaseFieldsResponse {
  @ApiProperty({ type: CasePackageResponse }) readonly package!: CasePackageResponse;
}

/** The list form: the package in counts. */
export class CaseSummaryResponse extends CaseFieldsResponse {
  @ApiProperty({ type: PackageCountsResponse }) readonly package!: PackageCountsResponse;
}

export class CasesResponse {
  @ApiProperty({ type: [CaseSummaryResponse] }) readonly items!: CaseSummaryResponse[];
}
