import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccessRulesHttpController } from './access-rules.http.controller';
import { EventBackboneHttpController } from './event-backbone.http.controller';
import { FreshnessHandler } from './freshness.handler';
import { FreshnessHttpController } from './freshness.http.controller';

/**
 * A view of a service's plumbing: its routes with their access rules, its relay and consumers (admin only), and how
 * current its figures are (for the TPPS and statisticians who read them too).
 */
@Module({
  imports: [DiscoveryModule],
  controllers: [AccessRulesHttpController, EventBackboneHttpController, FreshnessHttpController],
  providers: [FreshnessHandler],
})
export class OpsModule {}
