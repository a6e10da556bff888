import { Controller, Get, Header, Param, Req, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { RuleViolation } from '@registry/contracts';
import { FHIR_JSON, REGISTRY_CODE_SYSTEMS, registryCodeSystem, searchsetBundle } from '@registry/identity-domain';
import { ApiRefusals, Public } from '@registry/platform';
import type { Request } from 'express';
import { FhirOutcomeFilter } from '../fhir-outcome.filter';

/** The registry's code systems: definitions, no personal data, so readable without a token like the metadata. */
@ApiTags('fhir')
@Controller('fhir/R4/CodeSystem')
@UseFilters(FhirOutcomeFilter)
export class CodeSystemsHttpController {
  @Get()
  @Public()
  @Header('content-type', FHIR_JSON)
  @ApiOperation({ summary: "The registry's own code systems (z-score indicators, Permenkes 2/2020 classes)" })
  @ApiProduces(FHIR_JSON)
  @ApiOkResponse({ description: 'A searchset Bundle of CodeSystems' })
  list(@Req() request: Request): string {
    return JSON.stringify(
      searchsetBundle(REGISTRY_CODE_SYSTEMS, `${request.protocol}://${request.get('host') ?? 'localhost'}/fhir/R4`),
    );
  }

  @Get(':id')
  @Public()
  @Header('content-type', FHIR_JSON)
  @ApiOperation({ summary: 'One of the registry’s code systems, with every code and its Indonesian display' })
  @ApiProduces(FHIR_JSON)
  @ApiOkResponse({ description: 'A CodeSystem' })
  @ApiRefusals(404)
  read(@Param('id') id: string): string {
    const system = registryCodeSystem(id);
    if (!system)
      throw new RuleViolation(
        'not_found',
        'id',
        `no code system ${id}: ${REGISTRY_CODE_SYSTEMS.map((s) => s.id).join(', ')} are served`,
      );
    return JSON.stringify(system);
  }
}
