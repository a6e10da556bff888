import { Controller, Get, Header, Req, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { capabilityStatement, FHIR_JSON } from '@registry/identity-domain';
import { Public } from '@registry/platform';
import type { Request } from 'express';
import { FhirOutcomeFilter } from '../fhir-outcome.filter';

/** The day this endpoint's capabilities last changed (CapabilityStatement.date). */
const CAPABILITIES_DATE = '2026-12-07';

@ApiTags('fhir')
@Controller('fhir/R4')
@UseFilters(FhirOutcomeFilter)
export class CapabilityHttpController {
  @Get('metadata')
  @Public()
  @Header('content-type', FHIR_JSON)
  @ApiOperation({ summary: 'The FHIR CapabilityStatement: exactly what this FHIR endpoint supports' })
  @ApiProduces(FHIR_JSON)
  @ApiOkResponse({ description: 'A CapabilityStatement' })
  metadata(@Req() request: Request): string {
    const baseUrl = `${request.protocol}://${request.get('host') ?? 'localhost'}/fhir/R4`;
    return JSON.stringify(capabilityStatement({ baseUrl, date: CAPABILITIES_DATE, version: '1' }));
  }
}
