import { Inject, Injectable } from '@nestjs/common';
import { actorOf, type Principal } from '@registry/access';
import { agedOutIfBornBy } from '@registry/interventions-domain';
import { CLOCK, type Clock, todayInIndonesia } from '@registry/contracts';
import { CaseWriter } from '../case-writer';

/**
 * Closes the open cases of children who completed 60 months since their last event: the consumer closes them on
 * each event for the child, this catches those with no event since (run daily, e.g. by the kabupaten's scheduler).
 * One transaction per child, each child locked like the consumer locks it; running it again closes nothing more.
 */
@Injectable()
export class SweepCasesHandler {
  constructor(
    private readonly writer: CaseWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async sweep(principal: Principal, correlationId: string): Promise<{ asOf: string; closed: string[] }> {
    const today = todayInIndonesia(this.clock());
    const { rows } = await this.writer.store.pool.query<{ child_id: string }>(
      `SELECT DISTINCT c.child_id FROM interventions_cases c JOIN interventions_children ch USING (child_id)
        WHERE c.status = 'open' AND ch.birth_date <= $1 ORDER BY c.child_id`,
      [agedOutIfBornBy(today)],
    );
    const closed: string[] = [];
    for (const { child_id: childId } of rows) {
      const envelopes = await this.writer.store.withTransaction(async (session) => {
        await this.writer.lockChild(session.client, childId);
        return this.writer.decide(
          session,
          childId,
          { type: 'SweepAgedOut' },
          {
            today,
            actor: actorOf(principal),
            correlationId,
          },
        );
      });
      closed.push(...envelopes.map((envelope) => (envelope.data as { caseId: string }).caseId));
    }
    return { asOf: today, closed };
  }
}
