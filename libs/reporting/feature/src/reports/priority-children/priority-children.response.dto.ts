import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const REASONS = ['severely_stunted', 'stunted', 'severely_wasted', 'wasted', 'bgm', 'two_t', 'not_weighed'];

export class PriorityResidenceResponse {
  @ApiProperty() readonly villageCode!: string;
  @ApiProperty({ type: String, nullable: true }) readonly villageName!: string | null;
  @ApiProperty() readonly districtCode!: string;
  @ApiProperty({ type: String, nullable: true }) readonly districtName!: string | null;
}

export class PriorityMeasurementResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) readonly measuredOn!: string | null;
  @ApiProperty({ type: Number, nullable: true }) readonly heightForAge!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly weightForHeight!: number | null;
  @ApiProperty({ type: String, nullable: true }) readonly heightForAgeClass!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly weightForHeightClass!: string | null;
}

export class PriorityWeighingResponse {
  @ApiProperty({ type: String, format: 'date', nullable: true }) readonly weighedOn!: string | null;
  @ApiProperty() readonly consecutiveT!: number;
  @ApiProperty() readonly bgm!: boolean;
}

export class PriorityCaseChildResponse {
  @ApiProperty() readonly villageCode!: string;
  @ApiProperty() readonly districtCode!: string;
  @ApiProperty() readonly ageMonths!: number;
  @ApiProperty({ format: 'date' }) readonly agesOutOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) readonly lastMeasuredOn!: string | null;
}

/** Why a case is overdue: not measured again in time, or an urgent item not delivered by its day. */
export class PriorityOverdueResponse {
  @ApiProperty({ enum: ['not_measured', 'urgent_item_not_delivered'] }) readonly kind!: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) readonly lastMeasuredOn?: string | null;
  @ApiPropertyOptional() readonly type?: string;
  @ApiPropertyOptional({ format: 'date' }) readonly dueOn?: string;
}

export class PriorityPackageResponse {
  @ApiProperty() readonly delivered!: number;
  @ApiProperty() readonly planned!: number;
  @ApiProperty() readonly missing!: number;
}

/** An open case as the intervention service lists it (GET /v1/cases), without the child id. */
export class PriorityCaseResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty() readonly type!: string;
  @ApiProperty() readonly severity!: string;
  @ApiProperty() readonly urgent!: boolean;
  @ApiProperty({ enum: ['open', 'closed'] }) readonly status!: string;
  @ApiProperty({ format: 'date' }) readonly openedOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) readonly closedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly closeReason!: string | null;
  @ApiProperty() readonly daysOpen!: number;
  @ApiProperty({ format: 'uuid' }) readonly triggeringMeasurementId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) readonly closingMeasurementId!: string | null;
  @ApiProperty() readonly regencyCode!: string;
  @ApiProperty({ type: [String] }) readonly regencyHistory!: string[];
  @ApiProperty({ type: PriorityCaseChildResponse }) readonly child!: PriorityCaseChildResponse;
  @ApiProperty({ type: [String], description: 'The intervention types of the package still missing' })
  readonly lacking!: string[];
  @ApiProperty({ type: [PriorityOverdueResponse] }) readonly overdue!: PriorityOverdueResponse[];
  @ApiProperty() readonly version!: number;
  @ApiProperty({ type: PriorityPackageResponse }) readonly package!: PriorityPackageResponse;
}

export class PriorityMotherResponse {
  @ApiProperty() readonly name!: string;
  @ApiProperty({ type: String, nullable: true }) readonly nik!: string | null;
}

export class PriorityAddressResponse {
  @ApiProperty({ type: String, nullable: true }) readonly rt!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly rw!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly line!: string | null;
}

/** The child's name and address, from the identity service (which records the access). */
export class PriorityPersonResponse {
  @ApiProperty({ type: String, nullable: true }) readonly nik!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly familyCardNumber!: string | null;
  @ApiProperty() readonly name!: string;
  @ApiProperty({ type: PriorityMotherResponse }) readonly mother!: PriorityMotherResponse;
  @ApiProperty({ type: PriorityAddressResponse }) readonly address!: PriorityAddressResponse;
}

export class PriorityChildResponse {
  @ApiProperty({ format: 'uuid' }) readonly childId!: string;
  @ApiProperty({ enum: REASONS, isArray: true }) readonly reasons!: string[];
  @ApiProperty() readonly ageMonths!: number;
  @ApiProperty({ type: PriorityResidenceResponse }) readonly residence!: PriorityResidenceResponse;
  @ApiProperty({ type: String, nullable: true }) readonly posyanduCode!: string | null;
  @ApiProperty({ type: PriorityMeasurementResponse, nullable: true })
  readonly latestMeasurement!: PriorityMeasurementResponse | null;
  @ApiProperty({ type: PriorityWeighingResponse }) readonly lastWeighing!: PriorityWeighingResponse;
  @ApiProperty({ type: Number, nullable: true }) readonly daysSinceLastMeasured!: number | null;
  @ApiProperty({ type: [PriorityCaseResponse], nullable: true, description: 'null when the cases were unavailable' })
  readonly openCases!: PriorityCaseResponse[] | null;
  @ApiProperty() readonly hasSponsor!: boolean;
  @ApiProperty({ type: PriorityPersonResponse, nullable: true, description: 'null when the names were unavailable' })
  readonly person!: PriorityPersonResponse | null;
}

export class PriorityChildrenResponse {
  @ApiProperty() readonly regencyCode!: string;
  @ApiProperty({ type: String, nullable: true }) readonly districtCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly villageCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly posyanduCode!: string | null;
  @ApiProperty({ type: String, enum: REASONS, nullable: true }) readonly reason!: string | null;
  @ApiProperty({ format: 'date' }) readonly today!: string;
  @ApiProperty() readonly total!: number;
  @ApiProperty() readonly limit!: number;
  @ApiProperty() readonly offset!: number;
  @ApiProperty({ type: [String], description: 'Another service that did not answer' }) readonly warnings!: string[];
  @ApiProperty({ type: [PriorityChildResponse] }) readonly items!: PriorityChildResponse[];
}
