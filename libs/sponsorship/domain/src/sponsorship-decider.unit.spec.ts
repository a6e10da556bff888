import { deciderSpecification } from '@registry/contracts';
import type { KnownChild } from '@registry/known-child';
import { foldSponsorships, type ChildSponsorships, type SponsorshipEvent } from './sponsorship';
import { decide, decideMerge, type SponsorshipCommand } from './sponsorship-decider';

const context = { today: '2025-06-15' };
const childId = '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e5f';
const sponsorId = '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e60';
const otherSponsorId = '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e61';
const sponsorshipId = '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e70';
const child: KnownChild = {
  childId,
  sex: 'female',
  birthDate: '2024-03-01',
  villageCode: '36.03.20.2002',
  districtCode: '36.03.20',
  regencyCode: '36.03',
  status: 'active',
  diedOn: null,
  mergedInto: null,
};
const commitment = {
  kind: 'pmt' as const,
  description: 'PMT package, Rp 17,500 a day',
  amountIdr: 525_000,
  startOn: '2025-05-01',
  months: 6,
};
const pledged: SponsorshipEvent = {
  type: 'sponsorship.pledged',
  data: { sponsorshipId, sponsorId, childId, commitment, agreementRef: 'BA-Rembuk-2025/07', regencyCode: '36.03' },
};
const pledge = (
  overrides: Partial<Extract<SponsorshipCommand, { type: 'Pledge' }>['data']> = {},
): SponsorshipCommand => ({
  type: 'Pledge',
  data: { sponsorshipId, sponsorId, child, commitment, agreementRef: 'BA-Rembuk-2025/07', ...overrides },
});
const contribution = (overrides: Record<string, unknown> = {}): SponsorshipCommand => ({
  type: 'RecordContribution',
  data: {
    sponsorshipId,
    contributionId: '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e80',
    date: '2025-06-01',
    amountIdr: 525_000,
    items: null,
    evidenceRef: 'kwitansi-001',
    ...overrides,
  },
});

/** Given past events, when a command is decided: the new events, or the rule it breaks. */
const given = deciderSpecification({
  decide: (command: SponsorshipCommand, state: ChildSponsorships) => decide(command, state, context),
  fold: foldSponsorships,
});

describe('sponsorship decider', () => {
  describe('Pledge', () => {
    it('pledges to a living balita in the child’s regency', () => {
      given().when(pledge()).then([pledged]);
    });

    it('lets several sponsors pledge to one child, and one sponsor pledge again after its pledge', () => {
      given(pledged)
        .when(pledge({ sponsorshipId: 'other', sponsorId: otherSponsorId }))
        .thenTypes('sponsorship.pledged');
      given(pledged)
        .when(pledge({ commitment: { ...commitment, startOn: '2025-11-01', months: 3 } }))
        .thenTypes('sponsorship.pledged');
    });

    it('refuses the same sponsor twice for overlapping months (409), but not once the first one ended', () => {
      given(pledged)
        .when(pledge({ commitment: { ...commitment, startOn: '2025-10-31', months: 2 } }))
        .thenRejects('conflict', 'commitment.startOn', /already sponsors the child from 2025-05-01 to 2025-10-31/);
      const endedEarly: SponsorshipEvent = {
        type: 'sponsorship.ended',
        data: {
          sponsorshipId,
          sponsorId,
          childId,
          cause: 'requested',
          reason: 'moved abroad',
          endedOn: '2025-06-10',
          notice: 'n',
          regencyCode: '36.03',
        },
      };
      given(pledged, endedEarly)
        .when(pledge({ commitment: { ...commitment, startOn: '2025-06-10', months: 2 } }))
        .thenTypes('sponsorship.pledged');
    });

    it.each([
      ['an unknown child', { child: null }, 'childId', /no such child/],
      [
        'a child who died',
        { child: { ...child, status: 'died', diedOn: '2025-05-02' } },
        'childId',
        /died on 2025-05-02/,
      ],
      ['a merged record', { child: { ...child, status: 'merged', mergedInto: 'x' } }, 'childId', /merged into x/],
      ['a child aged 60 months', { child: { ...child, birthDate: '2020-06-01' } }, 'childId', /no longer a balita/],
    ] as const)('refuses %s (422 naming childId)', (_case, overrides, field, message) => {
      given()
        .when(pledge(overrides as never))
        .thenRejects('invalid', field, message);
    });

    it.each([
      ['a fractional amount', { amountIdr: 17500.5 }, 'commitment.amountIdr', /whole rupiah/],
      ['a negative amount', { amountIdr: -1 }, 'commitment.amountIdr', /more than 0/],
      ['an absurd amount', { amountIdr: 100_000_001 }, 'commitment.amountIdr', /typing mistake/],
      ['cash without an amount', { kind: 'cash', amountIdr: null }, 'commitment.amountIdr', /needs amountIdr/],
      ['a start before birth', { startOn: '2024-02-01' }, 'commitment.startOn', /birth date/],
      ['a start years ahead', { startOn: '2027-06-01' }, 'commitment.startOn', /at most 12 months ahead/],
      ['a fractional number of months', { months: 1.5 }, 'commitment.months', /whole number/],
      ['months beyond 60 months of age', { months: 47 }, 'commitment.months', /at most 46 month/],
    ] as const)('refuses %s (422 naming the field)', (_case, overrides, field, message) => {
      given()
        .when(pledge({ commitment: { ...commitment, ...overrides } as never }))
        .thenRejects('invalid', field, message);
    });

    it('accepts a commitment in kind without an amount', () => {
      given()
        .when(pledge({ commitment: { ...commitment, kind: 'eggs', amountIdr: null } }))
        .thenTypes('sponsorship.pledged');
    });
  });

  describe('RecordContribution', () => {
    it('records cash or items against the sponsorship, carrying its sponsor, child and regency', () => {
      given(pledged)
        .when(contribution({ amountIdr: null, items: [{ name: 'telur', quantity: 30, unit: 'butir' }] }))
        .then([
          {
            type: 'sponsorship.contribution-recorded',
            data: {
              sponsorshipId,
              contributionId: '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e80',
              sponsorId,
              childId,
              date: '2025-06-01',
              amountIdr: null,
              items: [{ name: 'telur', quantity: 30, unit: 'butir' }],
              evidenceRef: 'kwitansi-001',
              regencyCode: '36.03',
            },
          },
        ]);
    });

    it.each([
      ['an unknown sponsorship', { sponsorshipId: 'nope' }, 'not_found', 'sponsorshipId'],
      ['a date in the future', { date: '2025-06-16' }, 'invalid', 'date'],
      ['a date before the start', { date: '2025-04-30' }, 'invalid', 'date'],
      ['neither amount nor items', { amountIdr: null }, 'invalid', 'amountIdr'],
      ['a fractional amount', { amountIdr: 0.5 }, 'invalid', 'amountIdr'],
      ['an absurd amount', { amountIdr: 1_000_000_001 }, 'invalid', 'amountIdr'],
      [
        'a negative quantity',
        { items: [{ name: 'telur', quantity: -3, unit: 'butir' }] },
        'invalid',
        'items[0].quantity',
      ],
    ] as const)('refuses %s', (_case, overrides, kind, field) => {
      given(pledged).when(contribution(overrides)).thenRejects(kind, field);
    });
  });

  describe('EndSponsorship', () => {
    it('ends today with a notice the sponsor reads, once', () => {
      const end: SponsorshipCommand = { type: 'EndSponsorship', data: { sponsorshipId, reason: 'sponsor withdrew' } };
      const [event] = decide(end, foldSponsorships([pledged]), context);
      expect(event).toMatchObject({
        type: 'sponsorship.ended',
        data: { cause: 'requested', endedOn: '2025-06-15', notice: expect.stringContaining('sponsor withdrew') },
      });
      given(pledged, event)
        .when(end)
        .thenRejects('conflict', 'sponsorshipId', /already ended/);
      given(pledged)
        .when(contribution({ date: '2025-06-15' }))
        .thenTypes('sponsorship.contribution-recorded');
      given(pledged, event)
        .when(contribution({ date: '2025-06-15' }))
        .thenRejects('invalid', 'date', /ended on/);
    });
  });

  describe('following the child', () => {
    const other: SponsorshipEvent = {
      ...pledged,
      data: { ...pledged.data, sponsorshipId: 'other', sponsorId: otherSponsorId },
    } as SponsorshipEvent;

    it('ends every open sponsorship when the child dies, and nothing when that is replayed', () => {
      const died: SponsorshipCommand = { type: 'FollowDeath', data: { diedOn: '2025-06-02' } };
      const events = decide(died, foldSponsorships([pledged, other]), context);
      expect(events.map((e) => [e.type, e.data.sponsorshipId, (e.data as { cause: string }).cause])).toEqual([
        ['sponsorship.ended', sponsorshipId, 'child_died'],
        ['sponsorship.ended', 'other', 'child_died'],
      ]);
      given(pledged, other, ...events)
        .when(died)
        .then([]);
    });

    it('transfers open sponsorships to the new regency on a move across kabupaten only, once', () => {
      const moved: SponsorshipCommand = {
        type: 'FollowRelocation',
        data: {
          movedOn: '2025-06-05',
          fromRegencyCode: '36.03',
          toRegencyCode: '36.04',
          toRegencyName: 'Kabupaten Serang',
        },
      };
      const [transfer] = decide(moved, foldSponsorships([pledged]), context);
      expect(transfer).toMatchObject({
        type: 'sponsorship.transferred',
        data: { fromRegencyCode: '36.03', toRegencyCode: '36.04', notice: expect.stringContaining('Kabupaten Serang') },
      });
      given(pledged, transfer).when(moved).then([]);
      given(pledged)
        .when({ type: 'FollowRelocation', data: { ...moved.data, toRegencyCode: '36.03' } } as SponsorshipCommand)
        .then([]);
    });

    it('moves the months not yet begun to the surviving record when records merge', () => {
      const survivor = '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e99';
      const decision = decideMerge(
        foldSponsorships([pledged]),
        foldSponsorships([]),
        { mergedOn: '2025-06-15', survivingChildId: survivor, survivingRegencyCode: '36.03' },
        () => 'continued',
      );
      expect(decision.survivingRecord).toEqual([
        {
          type: 'sponsorship.pledged',
          data: {
            sponsorshipId: 'continued',
            sponsorId,
            childId: survivor,
            commitment: { ...commitment, startOn: '2025-07-01', months: 4 },
            agreementRef: 'BA-Rembuk-2025/07',
            regencyCode: '36.03',
          },
        },
      ]);
      expect(decision.mergedRecord).toEqual([
        expect.objectContaining({
          type: 'sponsorship.ended',
          data: expect.objectContaining({
            cause: 'child_merged',
            endedOn: '2025-06-15',
            notice: expect.stringContaining('continued'),
          }),
        }),
      ]);
    });

    it('on a merge, ends without a new pledge when the sponsor already sponsors the surviving record', () => {
      const survivorPledge = { ...pledged, data: { ...pledged.data, sponsorshipId: 'kept', childId: 'survivor' } };
      const decision = decideMerge(
        foldSponsorships([pledged]),
        foldSponsorships([survivorPledge as SponsorshipEvent]),
        { mergedOn: '2025-06-15', survivingChildId: 'survivor', survivingRegencyCode: '36.03' },
        () => 'unused',
      );
      expect(decision.survivingRecord).toEqual([]);
      expect(decision.mergedRecord[0].data).toMatchObject({ notice: expect.stringContaining('kept') });
    });
  });
});
