import { Body, Controller, Post, Req, Res, UseFilters } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { Access, CurrentPrincipal, PersonalData, type Principal } from '@registry/access';
import { FHIR_JSON } from '@registry/identity-domain';
import { ApiRefusals } from '@registry/platform';
import type { Request, Response } from 'express';
import { credentialOf } from '../../imports/uploader-credential';
import { FhirOutcomeFilter } from '../fhir-outcome.filter';
import { ProcessBundleHandler } from './process-bundle.handler';

@ApiTags('fhir')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('fhir/R4')
@UseFilters(FhirOutcomeFilter)
export class ProcessBundleHttpController {
  constructor(private readonly handler: ProcessBundleHandler) {}

  @Post()
  @Access('integration', 'kader', 'tpps')
  @PersonalData()
  @ApiOperation({
    summary: 'A FHIR R4 Bundle (transaction or batch) of Patients, their mothers and anthropometry Observations',
    description:
      'Patients are registered (NIK from https://fhir.kemkes.go.id/id/nik), Observations (LOINC 29463-7, 8306-3, 8302-2, ' +
      '8308-9, 9843-4, 56072-2) recorded as measurements in your name. A transaction is checked whole and written only ' +
      'if every entry is accepted; a batch answers each entry. Sending a Bundle again doubles nothing.',
  })
  @ApiConsumes(FHIR_JSON, 'application/json')
  @ApiProduces(FHIR_JSON)
  @ApiBody({ schema: { type: 'object', description: 'A FHIR R4 Bundle' } })
  @ApiOkResponse({ description: 'A transaction-response or batch-response Bundle: one entry.response per entry' })
  @ApiRefusals({
    status: 400,
    description: 'Not a transaction or batch Bundle, or a transaction with a refused entry (OperationOutcome)',
  })
  async process(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const answer = await this.handler.process(principal, credentialOf(request), body, String(request.id));
    response.status(answer.status).type(FHIR_JSON).send(JSON.stringify(answer.body));
  }
}
