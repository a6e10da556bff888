import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const EVIDENCE = [
  'same_nik',
  'same_name_birth_date_mother',
  'same_name_birth_date',
  'same_family_card_birth_date',
  'same_mother_birth_date',
  'same_village',
] as const;

export class DuplicatePairResponse {
  @ApiProperty({ format: 'uuid' }) readonly childId!: string;
  @ApiProperty({ format: 'uuid' }) readonly otherChildId!: string;
  @ApiProperty({ enum: EVIDENCE, isArray: true }) readonly evidence!: Array<(typeof EVIDENCE)[number]>;
  @ApiProperty({ description: 'Strength of the evidence; pairs come strongest first' }) readonly score!: number;
}

export class ListDuplicatesResponse {
  @ApiProperty({ type: String, nullable: true, description: 'null when none was given (and the caller has none)' })
  readonly regencyCode!: string | null;

  @ApiProperty({ type: [DuplicatePairResponse] }) readonly pairs!: DuplicatePairResponse[];

  @ApiPropertyOptional({ description: 'What to send when no regency was given' }) readonly note?: string;
}
