import { BadRequestException, Controller, Get, Header, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '@registry/access';
import { CURVE_Z_SCORES, GrowthStandards, type Indicator, type Sex } from '@registry/anthropometry';
import { IsIn } from 'class-validator';
import { GrowthCurvesResponse } from './growth-curves.response.dto';

/** The charts a growth card or the dashboard draws; BMI is left out as no Indonesian card shows it. */
const CHARTS = {
  'length-height-for-age': { indicator: 'heightForAge', x: 'ageDays', unit: 'cm' },
  'weight-for-age': { indicator: 'weightForAge', x: 'ageDays', unit: 'kg' },
  'weight-for-length': { indicator: 'weightForLength', x: 'lengthCm', unit: 'kg' },
  'weight-for-height': { indicator: 'weightForHeight', x: 'heightCm', unit: 'kg' },
  'head-circumference-for-age': { indicator: 'headCircumferenceForAge', x: 'ageDays', unit: 'cm' },
} as const satisfies Record<string, { indicator: Indicator; x: string; unit: string }>;

export class GrowthCurvesQuery {
  @ApiProperty({ enum: ['male', 'female'] })
  @IsIn(['male', 'female'], { message: 'sex must be male or female' })
  sex: Sex;
}

@ApiTags('growth-standards')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/growth-standards')
export class GrowthCurvesHttpController {
  constructor(private readonly standards: GrowthStandards) {}

  @Get(':chart')
  @Access('integration', 'kader', 'puskesmas', 'tpps', 'sponsor', 'statistician', 'admin')
  @Header('cache-control', 'private, max-age=86400')
  @ApiParam({ name: 'chart', enum: Object.keys(CHARTS) })
  @ApiOperation({
    summary: 'The WHO 2006 −3…+3 SD curves of one chart, from the tables the z-scores are computed with',
  })
  @ApiOkResponse({ type: GrowthCurvesResponse })
  curves(@Param('chart') chart: string, @Query() query: GrowthCurvesQuery) {
    const definition = CHARTS[chart as keyof typeof CHARTS];
    if (!definition) throw new BadRequestException(`chart must be one of ${Object.keys(CHARTS).join(', ')}`);
    return {
      chart,
      sex: query.sex,
      standard: 'WHO-2006',
      x: definition.x,
      unit: definition.unit,
      zScores: CURVE_Z_SCORES,
      points: this.standards.curves(definition.indicator, query.sex),
    };
  }
}
