import { ApiProperty } from '@nestjs/swagger';

/** A child with an open case a sponsor could follow: no name, no address below the desa. */
export class CandidateResponse {
  @ApiProperty({ format: 'uuid' }) readonly childId!: string;
  @ApiProperty({ format: 'uuid' }) readonly caseId!: string;
  @ApiProperty({ format: 'date' }) readonly caseOpenedOn!: string;
  @ApiProperty({ enum: ['moderate', 'severe'] }) readonly severity!: 'moderate' | 'severe';
  @ApiProperty({ type: String, enum: ['male', 'female'], nullable: true }) readonly sex!: 'male' | 'female' | null;
  @ApiProperty({ type: Number, nullable: true }) readonly ageMonths!: number | null;
  @ApiProperty() readonly villageCode!: string;
}

export class CandidatesResponse {
  @ApiProperty({ format: 'date' }) readonly asOf!: string;
  @ApiProperty() readonly districtCode!: string;
  @ApiProperty() readonly districtName!: string;
  @ApiProperty({ type: [CandidateResponse] }) readonly items!: CandidateResponse[];
}
