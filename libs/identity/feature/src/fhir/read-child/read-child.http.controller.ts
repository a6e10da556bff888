import {
  BadRequestException,
  Controller,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Query,
  Req,
  UseFilters,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { Access, CurrentPrincipal, PersonalData, type Principal } from '@registry/access';
import { FHIR_JSON } from '@registry/identity-domain';
import { ApiRefusals } from '@registry/platform';
import type { Request } from 'express';
import { credentialOf } from '../../imports/uploader-credential';
import { FhirOutcomeFilter } from '../fhir-outcome.filter';
import { ReadChildHandler } from './read-child.handler';

const CHILD_REFERENCE = /^(?:Patient\/)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** A search parameter given once, many times, or not at all. */
const listOf = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const baseOf = (request: Request) => `${request.protocol}://${request.get('host') ?? 'localhost'}/fhir/R4`;

@ApiTags('fhir')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('fhir/R4')
@UseFilters(FhirOutcomeFilter)
export class ReadChildHttpController {
  constructor(private readonly handler: ReadChildHandler) {}

  @Get('Observation')
  @Access('integration', 'kader', 'puskesmas', 'tpps', 'admin')
  @Header('content-type', FHIR_JSON)
  @ApiOperation({
    summary: "A child's measurements as Observations, with the registry's z-scores and Permenkes classes as components",
  })
  @ApiQuery({ name: 'subject', required: false, description: 'Patient/{id}' })
  @ApiQuery({ name: 'patient', required: false, description: 'The same as subject' })
  @ApiQuery({ name: 'code', required: false, description: 'LOINC code or http://loinc.org|code; a comma list' })
  @ApiQuery({ name: 'date', required: false, description: '[eq|ne|ge|le|gt|lt]YYYY-MM-DD; may repeat' })
  @ApiProduces(FHIR_JSON)
  @ApiOkResponse({ description: 'A searchset Bundle of Observations' })
  @ApiRefusals(400, 404)
  async observations(
    @Query('subject') subject: string | undefined,
    @Query('patient') patient: string | undefined,
    @Query('code') code: string | string[] | undefined,
    @Query('date') date: string | string[] | undefined,
    @Req() request: Request,
  ): Promise<string> {
    const childId = CHILD_REFERENCE.exec(subject ?? patient ?? '')?.[1];
    if (!childId)
      throw new BadRequestException({
        message: `subject ${subject ?? patient ?? '(none)'}: search by subject=Patient/{id}, the child's registry id`,
      });
    return JSON.stringify(
      await this.handler.observations(
        credentialOf(request),
        childId.toLowerCase(),
        { codes: listOf(code), dates: listOf(date) },
        baseOf(request),
        String(request.id),
      ),
    );
  }

  @Get('Patient/:id')
  @Access('integration', 'kader', 'puskesmas', 'tpps', 'admin')
  @PersonalData()
  @Header('content-type', FHIR_JSON)
  @ApiOperation({ summary: 'The child as a Patient, with NIK, name and mother (roles that may see personal data)' })
  @ApiProduces(FHIR_JSON)
  @ApiOkResponse({ description: 'A Patient' })
  @ApiRefusals(404)
  async patient(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return JSON.stringify(await this.handler.patient(principal, id));
  }

  @Get('Patient/:id/$everything')
  @Access('integration', 'kader', 'puskesmas', 'tpps', 'admin')
  @PersonalData()
  @Header('content-type', FHIR_JSON)
  @ApiOperation({ summary: 'The child as a Patient and all its Observations, in one searchset Bundle' })
  @ApiProduces(FHIR_JSON)
  @ApiOkResponse({ description: 'A searchset Bundle' })
  @ApiRefusals(404)
  async everything(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: Request,
  ): Promise<string> {
    return JSON.stringify(
      await this.handler.everything(principal, credentialOf(request), id, baseOf(request), String(request.id)),
    );
  }
}
