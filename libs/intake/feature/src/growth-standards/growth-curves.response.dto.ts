import { ApiProperty } from '@nestjs/swagger';

/** One point of every curve: `values[i]` sits at `zScores[i]` of the answer. */
export class CurvePointResponse {
  @ApiProperty({ description: 'Age in days, or length/height in cm (see x)' }) readonly at!: number;
  @ApiProperty({ type: [Number] }) readonly values!: number[];
}

export class GrowthCurvesResponse {
  @ApiProperty({ example: 'weight-for-age' }) readonly chart!: string;
  @ApiProperty({ enum: ['male', 'female'] }) readonly sex!: 'male' | 'female';
  @ApiProperty({ example: 'WHO-2006' }) readonly standard!: string;
  @ApiProperty({ enum: ['ageDays', 'lengthCm', 'heightCm'] }) readonly x!: 'ageDays' | 'lengthCm' | 'heightCm';
  @ApiProperty({ enum: ['cm', 'kg'] }) readonly unit!: 'cm' | 'kg';
  @ApiProperty({ type: [Number], example: [-3, -2, -1, 0, 1, 2, 3] }) readonly zScores!: number[];
  @ApiProperty({ type: [CurvePointResponse] }) readonly points!: CurvePointResponse[];
}
