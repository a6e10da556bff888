import { BadRequestException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { actorOf, assertCanWriteAt, type Principal } from '@registry/access';
import { AppendConflictError, EventStore } from '@registry/event-store';
import { FACILITY_CODE } from '@registry/platform';
import { Regions } from '@registry/regions';
import { decidePosyandu, foldPosyandu, type PosyanduEvent, type PosyanduFacts } from '@registry/reporting-domain';
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
      throw new BadRequestException({
        message: 'code must be 1–40 letters, digits, dots, dashes or underscores, e.g. PSY-3603202002-01',
        field: 'code',
      });
    const village = this.regions.find(request.villageCode);
    if (village?.level !== 'village')
      throw new UnprocessableEntityException({
        message: `villageCode: ${request.villageCode} is not a known desa/kelurahan code (Kemendagri)`,
        field: 'villageCode',
      });
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
    const streamId = posyanduStreamId(facts.code);
    return this.store.withTransaction(async (session) => {
      const history = await session.readStream(streamId);
      // A refusal (PosyanduRuleViolation) is answered by the platform's RuleViolationFilter.
      const events = decidePosyandu(
        { type: 'SetPosyandu', data: facts },
        foldPosyandu(history.map((e) => ({ type: e.type, data: e.data }) as PosyanduEvent)),
      );
      // The same facts again: nothing to append, and the answer is the list as it stands.
      if (events.length === 0) return { status: 200 as const, body: (await findPosyandu(session.client, facts.code))! };
      const result = await session.append(
        streamId,
        events.map((event) => ({
          type: event.type,
          data: event.data,
          subjectId: facts.code,
          regencyCode: facts.regencyCode,
          actor: actorOf(principal),
          correlationId,
        })),
        { expectedVersion: history.length === 0 ? 'no_stream' : history.length },
      );
      for (const envelope of result.events) await applyPosyanduEvent(session.client, envelope);
      const status: 200 | 201 = events.some((event) => event.type === 'posyandu.listed') ? 201 : 200;
      return { status, body: (await findPosyandu(session.client, facts.code))! };
    });
  }
}
