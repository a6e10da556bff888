import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { ChildWriter } from '../child-writer';

/**
 * Crypto-shredding: destroys the child's data key, so every version of its personal data becomes unreadable,
 * in the database and in every backup, while its events and the anonymous statistics stay as they were.
 */
@Injectable()
export class ErasePersonalDataHandler {
  constructor(private readonly writer: ChildWriter) {}

  erase(principal: Principal, id: string, reason: string) {
    return this.writer.store.withTransaction(async (session) => {
      const { state } = await this.writer.loadVisible(session, principal, id);
      await this.writer.vault.erase(session.client, id);
      await this.writer.readModel.forgetLookups(session.client, id);
      await this.writer.recordAccess(session, principal, [
        {
          regencyCode: state.regencyCode,
          event: { type: 'child.personal-data-erased' as const, data: { childId: id, reason } },
        },
      ]);
      return { id, personalData: 'erased' };
    });
  }
}
