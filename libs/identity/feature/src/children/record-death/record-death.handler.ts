import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { ChildWriter } from '../child-writer';

/** The death of a child; its cases and sponsorships follow. */
@Injectable()
export class RecordDeathHandler {
  constructor(private readonly writer: ChildWriter) {}

  async recordDeath(principal: Principal, id: string, diedOn: string, correlationId?: string) {
    const command = { type: 'RecordDeath', data: { diedOn } } as const;
    const { version } = await this.writer.changeWritable(principal, id, command, correlationId);
    return { id, version, status: 'died' };
  }
}
