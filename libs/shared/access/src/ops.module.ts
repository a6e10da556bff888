import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccessRulesHttpController } from './access-rules.http.controller';
import { EventBackboneHttpController } from './event-backbone.http.controller';

/** An operator's view of a service (admin only): its routes with their access rules, its relay and consumers. */
@Module({ imports: [DiscoveryModule], controllers: [AccessRulesHttpController, EventBackboneHttpController] })
export class OpsModule {}
