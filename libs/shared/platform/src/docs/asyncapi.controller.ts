import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { asyncApiDocument, type AsyncApiDocument } from '@registry/contracts';
import { ServiceConfig } from '../config/service-config';
import { Public } from '../http/public.decorator';

/**
 * The AsyncAPI document of the registry's topics, naming this stack's topics. Public like the OpenAPI document at
 * /docs: it tells integrators the contracts, and holds no data. Every service serves the same one.
 */
@ApiTags('docs')
@Public()
@Controller()
export class AsyncApiController {
  private readonly asyncApi: AsyncApiDocument;

  constructor(config: ServiceConfig) {
    this.asyncApi = asyncApiDocument(config.REGISTRY_STACK);
  }

  @Get('asyncapi.json')
  @ApiOperation({
    summary:
      "AsyncAPI 3.0.0 document of the registry's Kafka topics: channels, message headers and key, and each event " +
      "type's payload as JSON Schema, generated from the contracts the services check (also in docs/asyncapi.json)",
  })
  @ApiOkResponse({ description: 'The AsyncAPI document', schema: { type: 'object' } })
  document(): AsyncApiDocument {
    return this.asyncApi;
  }
}
