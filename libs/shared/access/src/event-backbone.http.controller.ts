import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventBackbone } from '@registry/platform';
import { Access } from './access.decorators';
import { DeadLettersResponse, EventBackboneResponse } from './event-backbone.response.dto';

/** The service's event plumbing for an operator: relay lag, each consumer's counters and its dead letters. */
@ApiTags('ops')
@ApiBearerAuth()
@Controller('v1/ops')
export class EventBackboneHttpController {
  constructor(private readonly backbone: EventBackbone) {}

  @Get('event-backbone')
  @Access('admin')
  @ApiOperation({
    summary:
      'Relay lag and counters, and each projection consumer’s applied, duplicate, failed and dead-lettered counts',
  })
  @ApiOkResponse({ type: EventBackboneResponse })
  async status() {
    return {
      relay: this.backbone.relay ? { lag: await this.backbone.relay.lag(), ...this.backbone.relay.metrics() } : null,
      consumers: this.backbone.consumers.map((consumer) => ({ projection: consumer.name, ...consumer.metrics() })),
    };
  }

  @Get('dead-letters')
  @Access('admin')
  @ApiOperation({ summary: 'Events that kept failing and went to the dead-letter topic, with their error' })
  @ApiOkResponse({ type: DeadLettersResponse })
  async deadLetters() {
    const lists = await Promise.all(
      this.backbone.consumers.map(async (consumer) => ({
        projection: consumer.name,
        items: await consumer.listDeadLetters(),
      })),
    );
    return { consumers: lists };
  }
}
