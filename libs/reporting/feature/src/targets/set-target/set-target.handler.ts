import { Injectable } from '@nestjs/common';
import { actorOf, type Principal } from '@registry/access';
import { EventStore, handleCommand } from '@registry/event-store';
import { Regions } from '@registry/regions';
import { decideTarget, evolveTarget, initialTarget, type TargetFacts } from '@registry/reporting-domain';
import { invalidRegion } from '../../reports/report-errors';
import { reportRegion } from '../../reports/report-scope';
import { saveTarget, targetStreamId } from '../targets.store';

/** Sets a wilayah's sasaran for a year: an event in reporting's own store when it changed, and the table it reads. */
@Injectable()
export class SetTargetHandler {
  constructor(
    private readonly store: EventStore,
    private readonly regions: Regions,
  ) {}

  async set(principal: Principal, facts: TargetFacts, correlationId?: string): Promise<TargetFacts> {
    if (!this.regions.find(facts.regionCode)) throw invalidRegion(facts.regionCode);
    reportRegion(principal, facts.regionCode);
    await this.store.withTransaction((session) =>
      // A refusal (TargetRuleViolation) is answered by the platform's RuleViolationFilter.
      handleCommand(
        session,
        targetStreamId(facts),
        (state) => decideTarget({ type: 'SetTarget', data: facts }, state),
        {
          evolve: evolveTarget,
          initialState: initialTarget,
          describe: () => ({
            subjectId: facts.regionCode,
            regencyCode: facts.regionCode.slice(0, 5),
            actor: actorOf(principal),
            correlationId,
          }),
          project: ({ client }) => saveTarget(client, facts),
        },
      ),
    );
    return facts;
  }
}
