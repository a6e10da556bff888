import { assertEventContract, deciderSpecification } from '@registry/contracts';
import { addDays } from './calendar';
import type { ChildFacts } from './child-facts';
import {
  decideIntervention,
  foldIntervention,
  type Intervention,
  type InterventionCommand,
  type InterventionEvent,
  type InterventionRequest,
} from './intervention';

const context = { today: '2025-11-22' };
const child: ChildFacts = {
  childId: '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e5f',
  birthDate: '2024-11-01',
  villageCode: '36.03.20.2002',
  districtCode: '36.03.20',
  regencyCode: '36.03',
  status: 'active',
  diedOn: null,
  mergedInto: null,
};
const interventionId = '0193f1c2-7a5b-7c3d-8e9f-000000000001';
const caseId = '0193f1c2-7a5b-7c3d-8e9f-100000000001';

const vitaminA: InterventionRequest = {
  type: 'vitamin_a',
  provider: 'DINKES',
  quantity: 1,
  unit: 'kapsul',
  fundingSource: 'APBD',
  sponsorshipId: null,
  notes: null,
  schedule: { status: 'delivered', plannedOn: '2025-11-01', deliveredOn: '2025-11-03' },
};

const record = (overrides: Partial<InterventionRequest> = {}, who: ChildFacts = child): InterventionCommand => ({
  type: 'RecordIntervention',
  data: { interventionId, child: who, caseId, request: { ...vitaminA, ...overrides } },
});

/** Given past events, when a command is decided: the new events, or the rule it breaks. */
const given = deciderSpecification({
  decide: (command: InterventionCommand, state: Intervention) => decideIntervention(command, state, context),
  fold: foldIntervention,
});

const planned = (plannedOn = '2025-12-01'): InterventionEvent =>
  given()
    .when(record({ schedule: { status: 'planned', plannedOn } }))
    .events()[0];

describe('intervention decider', () => {
  it('records a delivery with the category of its type and the regency of the child', () => {
    expect(given().when(record()).events()).toEqual([
      {
        type: 'intervention.delivered',
        data: {
          interventionId,
          childId: child.childId,
          caseId,
          type: 'vitamin_a',
          category: 'specific',
          provider: 'DINKES',
          quantity: 1,
          unit: 'kapsul',
          fundingSource: 'APBD',
          sponsorshipId: null,
          notes: null,
          regencyCode: '36.03',
          plannedOn: '2025-11-01',
          deliveredOn: '2025-11-03',
        },
      },
    ]);
  });

  it('records a plan, for a day that may lie ahead', () => {
    expect(planned('2026-02-01')).toMatchObject({
      type: 'intervention.planned',
      data: { interventionId, plannedOn: '2026-02-01', category: 'specific' },
    });
  });

  it.each<[string, Partial<InterventionRequest>, ChildFacts, string]>([
    ['an unknown type', { type: 'magic_beans' }, child, 'type'],
    ["a type for the child's mother", { type: 'anc', unit: 'kunjungan' }, child, 'type'],
    ['an unknown OPD', { provider: 'DINAS_X' }, child, 'provider'],
    ['a unit its type is not counted in', { unit: 'botol' }, child, 'unit'],
    ['sponsorship funding without its sponsorship', { fundingSource: 'SPONSORSHIP' }, child, 'sponsorshipId'],
    ['a sponsorship id with other funding', { sponsorshipId: interventionId }, child, 'sponsorshipId'],
    [
      'a delivery before the day it was planned for',
      { schedule: { status: 'delivered', plannedOn: '2025-11-05', deliveredOn: '2025-11-03' } },
      child,
      'deliveredOn',
    ],
    [
      'a delivery in the future',
      { schedule: { status: 'delivered', plannedOn: null, deliveredOn: addDays(context.today, 1) } },
      child,
      'deliveredOn',
    ],
    [
      'a delivery before birth',
      {
        type: 'basic_immunization',
        unit: 'dosis',
        schedule: { status: 'delivered', plannedOn: null, deliveredOn: '2024-10-30' },
      },
      child,
      'deliveredOn',
    ],
    [
      'a plan before birth',
      { type: 'basic_immunization', unit: 'dosis', schedule: { status: 'planned', plannedOn: '2024-10-30' } },
      child,
      'plannedOn',
    ],
    [
      'a type given from 6 months, to a child of 4 months',
      { schedule: { status: 'delivered', plannedOn: null, deliveredOn: '2025-03-05' } },
      child,
      'type',
    ],
    [
      'MP-ASI (6 to 23 months) to a child of 3 years',
      { type: 'mp_asi', unit: 'paket' },
      { ...child, birthDate: '2022-09-01' },
      'type',
    ],
    ['a delivery after the child died', {}, { ...child, status: 'died', diedOn: '2025-11-02' }, 'deliveredOn'],
    [
      'a plan for a child who died',
      { schedule: { status: 'planned', plannedOn: '2025-12-01' } },
      { ...child, status: 'died', diedOn: '2025-11-02' },
      'childId',
    ],
  ])('refuses %s, naming the field', (_, overrides, who, field) => {
    given().when(record(overrides, who)).thenRejects('invalid', field);
  });

  it('accepts sponsorship funding with its sponsorship, and a delivery recorded for a child who died later', () => {
    const sponsored = { fundingSource: 'SPONSORSHIP' as const, sponsorshipId: '0193f1c2-7a5b-7c3d-8e9f-200000000001' };
    expect(given().when(record(sponsored)).events()[0].data).toMatchObject(sponsored);
    expect(
      given()
        .when(record({}, { ...child, status: 'died', diedOn: '2025-11-10' }))
        .events(),
    ).toHaveLength(1);
  });

  it('refuses to record the same intervention twice', () => {
    given(planned()).when(record()).thenRejects('conflict', 'interventionId');
  });

  it('delivers a plan, keeping the day it was planned for', () => {
    const plan = planned('2025-11-10');
    const [delivered] = given(plan)
      .when({ type: 'DeliverIntervention', data: { child, deliveredOn: '2025-11-12', quantity: 2, notes: null } })
      .events();
    expect(delivered).toEqual({
      type: 'intervention.delivered',
      data: { ...plan.data, quantity: 2, plannedOn: '2025-11-10', deliveredOn: '2025-11-12' },
    });
  });

  it('refuses to deliver before the plan, twice, or what was never planned', () => {
    const deliver = (deliveredOn: string): InterventionCommand => ({
      type: 'DeliverIntervention',
      data: { child, deliveredOn, quantity: null, notes: null },
    });
    given(planned('2025-11-10')).when(deliver('2025-11-09')).thenRejects('invalid', 'deliveredOn');
    const [delivered] = given(planned('2025-11-10')).when(deliver('2025-11-12')).events();
    given(planned('2025-11-10'), delivered).when(deliver('2025-11-13')).thenRejects('conflict', 'interventionId');
    given().when(deliver('2025-11-12')).thenRejects('not_found', 'interventionId');
  });

  it('cancels a plan or a delivery recorded in error, once', () => {
    const cancel: InterventionCommand = { type: 'CancelIntervention', data: { reason: 'family moved away' } };
    const [cancelled] = given(planned()).when(cancel).events();
    expect(cancelled).toEqual({
      type: 'intervention.cancelled',
      data: { interventionId, childId: child.childId, reason: 'family moved away', regencyCode: '36.03' },
    });
    expect(
      given(...given().when(record()).events())
        .when(cancel)
        .events(),
    ).toHaveLength(1);
    given(planned(), cancelled).when(cancel).thenRejects('conflict', 'interventionId');
    given().when(cancel).thenRejects('not_found', 'interventionId');
  });

  it('decides only events that match their published contracts', () => {
    const plan = planned('2025-11-10');
    const events = [
      plan,
      ...given(plan)
        .when({ type: 'DeliverIntervention', data: { child, deliveredOn: '2025-11-12', quantity: null, notes: 'ok' } })
        .events(),
      ...given(plan)
        .when({ type: 'CancelIntervention', data: { reason: 'not needed' } })
        .events(),
    ];
    for (const event of events) expect(() => assertEventContract(event.type, event.data)).not.toThrow();
  });
});
