import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** z-scores against the WHO 2006 standards; null when the measurement lacks what the index needs. */
export class ZScoresResponse {
  @ApiProperty({ type: Number, nullable: true }) readonly heightForAge!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly weightForAge!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly weightForHeight!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly bmiForAge!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly headCircumferenceForAge!: number | null;
}

/** A class of Permenkes 2/2020, e.g. `stunted`, with its Indonesian label. */
export class ClassificationResponse {
  @ApiProperty({ example: 'stunted' }) readonly code!: string;
  @ApiProperty({ example: 'Pendek' }) readonly label!: string;
}

export class ClassificationsResponse {
  @ApiProperty({ type: ClassificationResponse, nullable: true }) readonly heightForAge!: ClassificationResponse | null;
  @ApiProperty({ type: ClassificationResponse, nullable: true }) readonly weightForAge!: ClassificationResponse | null;
  @ApiProperty({ type: ClassificationResponse, nullable: true })
  readonly weightForHeight!: ClassificationResponse | null;
  @ApiProperty({ type: ClassificationResponse, nullable: true }) readonly bmiForAge!: ClassificationResponse | null;
}

/** Values implausible for the index (WHO flags), to be checked before they are trusted. */
export class MeasurementFlagsResponse {
  @ApiProperty() readonly heightForAge!: boolean;
  @ApiProperty() readonly weightForAge!: boolean;
  @ApiProperty() readonly weightForHeight!: boolean;
  @ApiProperty() readonly bmiForAge!: boolean;
  @ApiProperty() readonly headCircumferenceForAge!: boolean;
  @ApiProperty() readonly positionUnder9MonthsStanding!: boolean;
}

/** The posyandu's judgement of the weighing against last month's: N, T, O or B. */
export class WeightGainResponse {
  @ApiProperty({ enum: ['N', 'T', 'O', 'B'] }) readonly judgement!: 'N' | 'T' | 'O' | 'B';
  @ApiProperty({ type: 'integer', nullable: true }) readonly gainGrams!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) readonly kbmGrams!: number | null;
  @ApiProperty({ type: 'integer', description: 'Months of T in a row' }) readonly consecutiveT!: number;
}

/** A measurement as the API answers it: the values, age, z-scores, classifications, flags and its state. */
export class MeasurementResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ enum: ['recorded', 'voided'] }) readonly status!: 'recorded' | 'voided';
  @ApiProperty() readonly version!: number;
  @ApiProperty({ format: 'uuid' }) readonly measurementId!: string;
  @ApiProperty({ format: 'uuid' }) readonly childId!: string;
  @ApiProperty({ format: 'date' }) readonly measuredOn!: string;
  @ApiProperty({ type: Number, nullable: true }) readonly weightKg!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly heightCm!: number | null;
  @ApiProperty({ enum: ['lying', 'standing'], nullable: true }) readonly position!: 'lying' | 'standing' | null;
  @ApiProperty({ type: Number, nullable: true }) readonly headCircumferenceCm!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly muacCm!: number | null;
  @ApiProperty() readonly oedema!: boolean;
  @ApiProperty({ type: 'integer' }) readonly ageDays!: number;
  @ApiProperty() readonly ageMonths!: number;
  @ApiProperty({ type: Number, nullable: true }) readonly correctedHeightCm!: number | null;
  @ApiProperty({ type: ZScoresResponse }) readonly zScores!: ZScoresResponse;
  @ApiProperty({ type: ClassificationsResponse }) readonly classifications!: ClassificationsResponse;
  @ApiProperty({ type: MeasurementFlagsResponse }) readonly flags!: MeasurementFlagsResponse;
  @ApiProperty() readonly puskesmasCode!: string;
  @ApiProperty({ type: String, nullable: true }) readonly posyanduCode!: string | null;
  @ApiProperty() readonly villageCode!: string;
  @ApiProperty() readonly districtCode!: string;
  @ApiProperty() readonly regencyCode!: string;
  @ApiProperty({ enum: ['WHO-2006'] }) readonly standard!: 'WHO-2006';
  @ApiPropertyOptional({ type: WeightGainResponse, nullable: true, description: 'null when there is no weight' })
  readonly weightGain?: WeightGainResponse | null;
  @ApiPropertyOptional({ description: 'Below the red line of the KMS: weight-for-age z < −3' })
  readonly bgm?: boolean;
}
