import { Injectable } from '@nestjs/common';
import { uuidV7, type EventEnvelope, todayInIndonesia } from '@registry/contracts';
import { Regions } from '@registry/regions';
import { decideMerge, type IdentityEvent, type SponsorshipCommand } from '@registry/sponsorship-domain';
import type { ClientBase } from 'pg';
import { findKnownChild } from '../../infrastructure/known-children';
import { SERVICE_ACTOR, SponsorshipWriter, type AppendOptions } from '../sponsorship-writer';

/**
 * A sponsorship follows its child: a death ends it (cause child_died), a move to another kabupaten transfers it to
 * that kabupaten's TPPS, and a merge of duplicate records carries the months that remain to the surviving record.
 * Each outcome carries a notice the sponsor reads in the portal. The events are appended in the consumer's
 * transaction, caused by the identity event; every decision depends on the streams' state, so a redelivered or
 * replayed identity event changes nothing the second time.
 */
@Injectable()
export class FollowChildPolicy {
  constructor(
    private readonly writer: SponsorshipWriter,
    private readonly regions: Regions,
  ) {}

  async apply(client: ClientBase, envelope: EventEnvelope, event: IdentityEvent): Promise<void> {
    const options: AppendOptions = { correlationId: envelope.correlationId, causationId: envelope.eventId };
    switch (event.type) {
      case 'child.died':
        return this.follow(
          client,
          event.data.childId,
          { type: 'FollowDeath', data: { diedOn: event.data.diedOn } },
          options,
        );
      case 'child.relocated': {
        const { childId, movedOn, fromRegencyCode, toRegencyCode } = event.data;
        const toRegencyName = this.regions.find(toRegencyCode)?.name ?? `kabupaten/kota ${toRegencyCode}`;
        return this.follow(
          client,
          childId,
          { type: 'FollowRelocation', data: { movedOn, fromRegencyCode, toRegencyCode, toRegencyName } },
          options,
        );
      }
      case 'child.merged':
        return this.followMerge(client, envelope, event.data, options);
      case 'child.registered':
      case 'child.corrected':
      case 'child.unmerged':
      case 'child.personal-data-accessed':
      case 'child.personal-data-erased':
        return;
      default: {
        const unknown: never = event;
        throw new Error(`unknown identity event ${(unknown as IdentityEvent).type}`);
      }
    }
  }

  private async follow(
    client: ClientBase,
    childId: string,
    command: SponsorshipCommand,
    options: AppendOptions,
  ): Promise<void> {
    await this.writer.execute(this.writer.store.session(client), SERVICE_ACTOR, childId, command, options);
  }

  private async followMerge(
    client: ClientBase,
    envelope: EventEnvelope,
    { childId, intoChildId }: { readonly childId: string; readonly intoChildId: string },
    options: AppendOptions,
  ): Promise<void> {
    const session = this.writer.store.session(client);
    const merged = await this.writer.load(session, childId);
    if (merged.state.sponsorships.length === 0) return;
    const surviving = await this.writer.load(session, intoChildId);
    // Partitions are consumed independently: the surviving record may not have arrived yet. Duplicates are found
    // within a kabupaten, so the merged record's regency stands in for it then.
    const survivingChild = (await findKnownChild(client, intoChildId)) ?? (await findKnownChild(client, childId));
    const decision = decideMerge(
      merged.state,
      surviving.state,
      {
        mergedOn: todayInIndonesia(new Date(envelope.occurredAt)),
        survivingChildId: intoChildId,
        survivingRegencyCode: survivingChild!.regencyCode,
      },
      () => uuidV7(this.writer.clock().getTime()),
    );
    await this.writer.appendMerge(
      session,
      SERVICE_ACTOR,
      [
        { childId: intoChildId, version: surviving.version, events: decision.survivingRecord },
        { childId, version: merged.version, events: decision.mergedRecord },
      ],
      options,
    );
  }
}
