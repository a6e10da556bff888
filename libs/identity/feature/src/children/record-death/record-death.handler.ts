import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { ChildWriter } from '../child-writer';

/** The death of a child; its cases and sponsorships follow. */
@Injectable()
export class RecordDeathHandler {
  constructor(private readonly writer: ChildWriter) {}

  recordDeath(principal: Principal, id: string, diedOn: string, correlationId?: string) {
    return this.writer.store.withTransaction(async (session) => {
      await this.writer.loadWritable(session, principal, id);
      const { version } = await this.writer.execute(
        session,
        principal,
        id,
        { type: 'RecordDeath', data: { diedOn } },
        { correlationId },
      );
      return { id, version, status: 'died' };
    });
  }
}
