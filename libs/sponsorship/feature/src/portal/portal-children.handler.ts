import { Injectable } from '@nestjs/common';
import { OutOfScopeError } from '@registry/access';
import { EventStore } from '@registry/event-store';
import { Regions } from '@registry/regions';
import { addDays, commitmentEndsOn, isCommitted, statusOn } from '@registry/sponsorship-domain';
import { findKnownChildren } from '../infrastructure/known-children';
import { SponsorshipReads } from '../sponsorships/sponsorship-reads';
import { fulfilmentInput, type SponsorshipFacts } from '../sponsorships/sponsorship-view';
import { SponsorshipWriter } from '../sponsorships/sponsorship-writer';
import { PortalRefs } from './portal-refs';
import {
  portalChildView,
  type CaseRow,
  type GrowthRow,
  type InterventionRow,
  type NoticeRow,
  type PortalChildView,
} from './portal-child.view';

/**
 * The sponsor portal's reads. Every query starts from the sponsor's own sponsorships (sponsorshipScope): a child is
 * reachable only through them, and only the sponsor's own sponsorships, contributions and notices are read.
 */
@Injectable()
export class PortalChildrenHandler {
  constructor(
    private readonly reads: SponsorshipReads,
    private readonly store: EventStore,
    private readonly writer: SponsorshipWriter,
    private readonly regions: Regions,
    private readonly refs: PortalRefs,
  ) {}

  async list(sponsorId: string): Promise<PortalChildView[]> {
    return this.views(sponsorId, await this.reads.find({ sponsorId }));
  }

  /** The child behind a portal id, if this sponsor sponsors or sponsored it; 404 otherwise. */
  async get(sponsorId: string, ref: string): Promise<PortalChildView> {
    const own = await this.reads.find({ sponsorId });
    const [view] = await this.views(sponsorId, own, (childId) => this.refs.refOf(sponsorId, childId) === ref);
    if (!view) throw new OutOfScopeError(`child ${ref}`);
    return view;
  }

  private async views(
    sponsorId: string,
    own: readonly SponsorshipFacts[],
    wanted: (childId: string) => boolean = () => true,
  ): Promise<PortalChildView[]> {
    const today = this.writer.today();
    // Pseudonyms number the children in the order this sponsor first pledged to them (UUIDv7 ids sort by time).
    const firstPledge = new Map<string, string>();
    for (const sponsorship of own) {
      const first = firstPledge.get(sponsorship.childId);
      if (first === undefined || sponsorship.sponsorshipId < first)
        firstPledge.set(sponsorship.childId, sponsorship.sponsorshipId);
    }
    const ordered = [...firstPledge].sort(([, a], [, b]) => a.localeCompare(b)).map(([childId]) => childId);
    const childIds = ordered.filter(wanted);
    if (childIds.length === 0) return [];
    const sponsorshipsOf = (childId: string) => own.filter((sponsorship) => sponsorship.childId === childId);
    const [children, records, notices] = await Promise.all([
      findKnownChildren(this.store.pool, childIds),
      this.recordsOf(childIds),
      this.noticesOf(own.filter((sponsorship) => childIds.includes(sponsorship.childId))),
    ]);
    const recordIds = [...new Set([...records.values()].flat())];
    const [growth, cases, interventions] = await Promise.all([
      this.rows<GrowthRow & { child_id: string }>(
        `SELECT child_id, to_char(measured_on, 'YYYY-MM-DD') AS measured_on, age_days, z_scores, classifications, flags,
                weight_gain, bgm
           FROM sponsorship_growth WHERE child_id = ANY($1::uuid[]) AND status = 'recorded' ORDER BY measured_on, measurement_id`,
        [recordIds],
      ),
      this.rows<CaseRow & { child_id: string }>(
        `SELECT child_id, type, severity, to_char(opened_on, 'YYYY-MM-DD') AS opened_on,
                to_char(closed_on, 'YYYY-MM-DD') AS closed_on, close_reason
           FROM sponsorship_cases WHERE child_id = ANY($1::uuid[]) ORDER BY opened_on, case_id`,
        [recordIds],
      ),
      this.rows<InterventionRow & { child_id: string }>(
        `SELECT child_id, type, category, to_char(delivered_on, 'YYYY-MM-DD') AS delivered_on
           FROM sponsorship_interventions WHERE child_id = ANY($1::uuid[]) AND status = 'delivered'
          ORDER BY delivered_on, intervention_id`,
        [recordIds],
      ),
    ]);
    return childIds.map((childId) => {
      const sponsorships = sponsorshipsOf(childId);
      const visibleUntil = visibleUntilOf(sponsorships, today);
      const ofChild = (row: { child_id: string }) => records.get(childId)!.includes(row.child_id);
      return portalChildView(
        {
          ref: this.refs.refOf(sponsorId, childId),
          ordinal: ordered.indexOf(childId) + 1,
          child: children.get(childId) ?? null,
          visibleUntil,
          sponsorships,
          notices: notices.filter((notice) =>
            sponsorships.some((sponsorship) => sponsorship.sponsorshipId === notice.sponsorship_id),
          ),
          growth: growth.filter((row) => ofChild(row) && row.measured_on <= visibleUntil),
          cases: cases.filter((row) => ofChild(row) && row.opened_on <= visibleUntil),
          interventions: interventions.filter((row) => ofChild(row) && row.delivered_on <= visibleUntil),
        },
        today,
        this.regions,
      );
    });
  }

  /** Each child's own record and the duplicate records merged into it: one real child's history. */
  private async recordsOf(childIds: readonly string[]): Promise<Map<string, string[]>> {
    const merged = await this.rows<{ child_id: string; merged_into: string }>(
      'SELECT child_id, merged_into FROM sponsorship_known_children WHERE merged_into = ANY($1::uuid[])',
      [childIds],
    );
    return new Map(
      childIds.map((childId) => [
        childId,
        [childId, ...merged.filter((row) => row.merged_into === childId).map((row) => row.child_id)],
      ]),
    );
  }

  private noticesOf(sponsorships: readonly SponsorshipFacts[]): Promise<NoticeRow[]> {
    return this.rows<NoticeRow>(
      `SELECT sponsorship_id, kind, to_char(on_date, 'YYYY-MM-DD') AS on_date, notice
         FROM sponsorship_notices WHERE sponsorship_id = ANY($1::uuid[]) ORDER BY on_date, recorded_at`,
      [sponsorships.map((sponsorship) => sponsorship.sponsorshipId)],
    );
  }

  private async rows<T extends object>(sql: string, values: unknown[]): Promise<T[]> {
    return (await this.store.pool.query<T>(sql, values)).rows;
  }
}

/**
 * The last day a sponsor sees a child's data of: today while one of its sponsorships of the child is upcoming or
 * active; otherwise the day its last one stopped (its end, or the last day of its months). What happened to the
 * child afterwards is no longer the former sponsor's to know.
 */
function visibleUntilOf(sponsorships: readonly SponsorshipFacts[], today: string): string {
  const lastDays = sponsorships.map((sponsorship) => {
    const status = statusOn(fulfilmentInput(sponsorship), today);
    if (isCommitted(status)) return today;
    if (sponsorship.ended) return sponsorship.ended.endedOn;
    return addDays(commitmentEndsOn(sponsorship.commitment), -1);
  });
  const latest = lastDays.reduce((max, day) => (day > max ? day : max));
  return latest < today ? latest : today;
}
