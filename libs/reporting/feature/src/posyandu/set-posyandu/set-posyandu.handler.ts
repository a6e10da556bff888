import { Injectable } from '@nestjs/common';
import { actorOf, assertCanWriteAt, type Principal } from '@registry/access';
import { AppendConflictError, EventStore, handleCommand } from '@registry/event-store';
import { FACILITY_CODE } from '@registry/platform';
import { Regions } from '@registry/regions';
import {
  decidePosyandu,
  evolvePosyandu,
  initialPosyandu,
  type PosyanduFacts,
  PosyanduRuleViolation,
} from '@registry/reporting-domain';
import { applyPosyanduEvent, findPosyandu, posyanduStreamId, type PosyanduView } from '../posyandu-list';
import type { SetPosyanduRequest } from './set-posyandu.request.dto';

/** Two first listings of one code at once: the loser decides again on the winner's event, and is then a no-op. */
const ATTEMPTS = 3;

/** Lists a posyandu or updates it: an event when something changed, none when the same facts come again. */
@Injectable()
export class SetPosyanduHandler {
  constructor(
    private readonly store: EventStore,
    private readonly regions: Regions,
  ) {}

  async set(
    principal: Principal,
    code: string,
    request: SetPosyanduRequest,
    correlationId?: string,
  ): Promise<{ status: 200 | 201; body: PosyanduView }> {
    if (!FACILITY_CODE.test(code))
      throw new PosyanduRuleViolation(
        'malformed',
        'code',
        'must be 1–40 letters, digits, dots, dashes or underscores, e.g. PSY-3603202002-01',
      );
    const village = this.regions.find(request.villageCode);
    if (village?.level !== 'village')
      throw new PosyanduRuleViolation(
        'invalid',
        'villageCode',
        `${request.villageCode} is not a known desa/kelurahan code (Kemendagri)`,
      );
    // The kecamatan and kabupaten as the regions list nests them, not cut from the code.
    const districtCode = village.parentCode!;
    const facts: PosyanduFacts = {
      code,
      name: request.name,
      villageCode: village.code,
      districtCode,
      regencyCode: this.regions.find(districtCode)!.parentCode!,
      puskesmasCode: request.puskesmasCode ?? null,
    };
    assertCanWriteAt(principal, { regencyCode: facts.regencyCode }, `posyandu ${code}`);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.write(principal, facts, correlationId);
      } catch (error) {
        if (!(error instanceof AppendConflictError) || attempt === ATTEMPTS) throw error;
      }
    }
  }

  private write(principal: Principal, facts: PosyanduFacts, correlationId?: string) {
    return this.store.withTransaction(async (session) => {
      // A refusal (PosyanduRuleViolation) is answered by the platform's RuleViolationFilter.
      const { events } = await handleCommand(
        session,
        posyanduStreamId(facts.code),
        (state) => decidePosyandu({ type: 'SetPosyandu', data: facts }, state),
        {
          evolve: evolvePosyandu,
          initialState: initialPosyandu,
          describe: () => ({
            subjectId: facts.code,
            regencyCode: facts.regencyCode,
            actor: actorOf(principal),
            correlationId,
          }),
          project: async ({ client }, envelopes) => {
            for (const envelope of envelopes) await applyPosyanduEvent(client, envelope);
          },
        },
      );
      // The same facts again: nothing appended, and the answer is the list as it stands.
      const status: 200 | 201 = events.some((event) => event.type === 'posyandu.listed') ? 201 : 200;
      return { status, body: (await findPosyandu(session.client, facts.code))! };
    });
  }
}
