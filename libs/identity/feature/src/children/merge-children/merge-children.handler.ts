import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { ChildWriter } from '../child-writer';

/** Merging and unmerging duplicates are events too: downstream services follow them, and both can be undone. */
@Injectable()
export class MergeChildrenHandler {
  constructor(private readonly writer: ChildWriter) {}

  merge(principal: Principal, id: string, request: { intoChildId: string; reason: string }, correlationId?: string) {
    return this.writer.store.withTransaction(async (session) => {
      await this.writer.loadWritable(session, principal, id);
      const into = await this.writer.loadWritable(session, principal, request.intoChildId);
      const { version } = await this.writer.execute(
        session,
        principal,
        id,
        { type: 'MergeChild', data: { intoChild: into.state, reason: request.reason } },
        { correlationId },
      );
      return { id, version, status: 'merged', mergedInto: request.intoChildId };
    });
  }

  async unmerge(principal: Principal, id: string, request: { reason: string }, correlationId?: string) {
    const command = { type: 'UnmergeChild', data: { reason: request.reason } } as const;
    const { version } = await this.writer.changeWritable(principal, id, command, correlationId);
    return { id, version, status: 'active' };
  }
}
