import { addDays } from './calendar';
import { daysOpen, type ClosedCase, type OpenCase } from './case';
import { INTERVENTION_TYPES, interventionType } from './catalog';
import {
  casePackage,
  caseForIntervention,
  overdueReasons,
  type InterventionFacts,
  type PackageInput,
  type PackageItem,
} from './package';

const today = '2025-11-22';
const birthDate = '2024-11-01'; // 12 completed months on `today`
const stunting: OpenCase = {
  status: 'open',
  caseId: '0193f1c2-7a5b-7c3d-8e9f-100000000001',
  childId: '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e5f',
  type: 'stunting',
  severity: 'moderate',
  urgent: false,
  triggeringMeasurementId: '0193f1c2-7a5b-7c3d-8e9f-000000000001',
  openedOn: '2025-11-01',
  regencyCode: '36.03',
  districtCode: '36.03.20',
  villageCode: '36.03.20.2002',
  regencyHistory: ['36.03'],
};
const severeWasting: OpenCase = {
  ...stunting,
  caseId: '0193f1c2-7a5b-7c3d-8e9f-100000000002',
  type: 'wasting',
  severity: 'severe',
  urgent: true,
  openedOn: '2025-11-10',
};

let n = 0;
const intervention = (type: string, status: InterventionFacts['status'], on: string): InterventionFacts => ({
  interventionId: `0193f1c2-7a5b-7c3d-8e9f-3${String((n += 1)).padStart(11, '0')}`,
  type,
  status,
  plannedOn: status === 'planned' ? on : null,
  deliveredOn: status === 'delivered' ? on : null,
});

const packageOf = (input: Partial<PackageInput> = {}) =>
  casePackage({ case: stunting, birthDate, interventions: [], lastMeasuredOn: null, today, ...input });
const item = (items: readonly PackageItem[], type: string) => items.find((i) => i.type === type);

describe('the intervention package of a case', () => {
  it('asks, for a stunting case of a 12-month-old, the specific and sensitive items of convergence', () => {
    const { items, ageMonths } = packageOf();
    expect(ageMonths).toBe(12);
    expect(items.map((i) => i.type)).toEqual(
      expect.arrayContaining([
        'growth_monitoring',
        'mp_asi',
        'basic_immunization',
        'vitamin_a',
        'pmt_toddler',
        'jkn',
        'clean_water',
        'sanitation',
        'birth_certificate',
        'pkh',
        'bpnt',
        'bkb',
      ]),
    );
    expect(new Set(items.map((i) => i.category))).toEqual(new Set(['specific', 'sensitive']));
  });

  it('asks only what the catalog gives at that age, for that case type and severity', () => {
    const { items } = packageOf();
    for (const { type } of items) {
      const entry = interventionType(type)!;
      expect(entry.caseTypes).toContain('stunting');
      expect(entry.severeOnly).toBe(false);
      expect(12).toBeGreaterThanOrEqual(entry.ageMonths!.from);
      expect(12).toBeLessThan(entry.ageMonths!.to);
    }
    expect(item(items, 'exclusive_breastfeeding')).toBeUndefined();
    expect(item(items, 'paud')).toBeUndefined();
    expect(item(items, 'severe_malnutrition_care')).toBeUndefined();
    expect(item(packageOf({ case: severeWasting }).items, 'severe_malnutrition_care')).toMatchObject({
      urgentWithinDays: 7,
    });
    expect(
      item(packageOf({ case: { ...severeWasting, severity: 'moderate' } }).items, 'severe_malnutrition_care'),
    ).toBeUndefined();
  });

  it('marks each item delivered, planned or missing', () => {
    const vitaminA = intervention('vitamin_a', 'delivered', '2025-10-01');
    const pmt = intervention('pmt_toddler', 'planned', '2025-12-01');
    const cancelled = { ...intervention('jkn', 'cancelled', '2025-10-01'), deliveredOn: '2025-10-01' };
    const pack = packageOf({ interventions: [vitaminA, pmt, cancelled] });
    expect(item(pack.items, 'vitamin_a')).toMatchObject({
      status: 'delivered',
      interventionId: vitaminA.interventionId,
      on: '2025-10-01',
    });
    expect(item(pack.items, 'pmt_toddler')).toMatchObject({ status: 'planned', interventionId: pmt.interventionId });
    expect(item(pack.items, 'jkn')).toMatchObject({ status: 'missing', interventionId: null });
    expect(pack.delivered + pack.planned + pack.missing).toBe(pack.items.length);
    expect([pack.delivered, pack.planned]).toEqual([1, 1]);
  });

  it('counts a periodic delivery only while it covers the child, a one-off one for good', () => {
    const vitaminA = interventionType('vitamin_a')!;
    const pack = packageOf({
      interventions: [
        intervention('vitamin_a', 'delivered', addDays(today, -vitaminA.coversDays!)),
        intervention('birth_certificate', 'delivered', '2024-11-20'),
      ],
    });
    expect(item(pack.items, 'vitamin_a')?.status).toBe('missing');
    expect(item(pack.items, 'birth_certificate')?.status).toBe('delivered');
  });

  it('counts a recent measurement at the posyandu as growth monitoring', () => {
    const coversDays = interventionType('growth_monitoring')!.coversDays!;
    expect(item(packageOf({ lastMeasuredOn: addDays(today, -3) }).items, 'growth_monitoring')).toMatchObject({
      status: 'delivered',
      interventionId: null,
      on: addDays(today, -3),
    });
    expect(item(packageOf({ lastMeasuredOn: addDays(today, -coversDays) }).items, 'growth_monitoring')?.status).toBe(
      'missing',
    );
  });

  it('judges a closed case as of its closing day', () => {
    const closed: ClosedCase = {
      ...stunting,
      status: 'closed',
      closedOn: '2025-11-05',
      reason: 'recovered',
      closingMeasurementId: null,
    };
    const pack = packageOf({ case: closed, interventions: [intervention('vitamin_a', 'delivered', '2025-11-10')] });
    expect(pack.asOf).toBe('2025-11-05');
    expect(item(pack.items, 'vitamin_a')?.status).toBe('missing');
  });
});

describe('days open', () => {
  it('counts to today while the case is open, and to the closing day once closed', () => {
    expect(daysOpen(stunting, today)).toBe(21);
    expect(
      daysOpen(
        { ...stunting, status: 'closed', closedOn: '2025-11-05', reason: 'recovered', closingMeasurementId: null },
        today,
      ),
    ).toBe(4);
  });
});

describe('overdue cases', () => {
  it('is overdue when the child has not been measured for more than 30 days', () => {
    const lastMeasuredOn = addDays(today, -31);
    const pack = packageOf({ lastMeasuredOn });
    expect(overdueReasons(stunting, pack, lastMeasuredOn, today)).toEqual([{ kind: 'not_measured', lastMeasuredOn }]);
    expect(overdueReasons(stunting, pack, addDays(today, -30), today)).toEqual([]);
    expect(overdueReasons(stunting, pack, null, today)).toEqual([{ kind: 'not_measured', lastMeasuredOn: null }]);
  });

  it('is overdue when an urgent item is not delivered within its days of the case opening', () => {
    const lastMeasuredOn = severeWasting.openedOn;
    const late = packageOf({ case: severeWasting, lastMeasuredOn });
    expect(overdueReasons(severeWasting, late, lastMeasuredOn, today)).toEqual([
      {
        kind: 'urgent_item_not_delivered',
        type: 'severe_malnutrition_care',
        dueOn: addDays(severeWasting.openedOn, 7),
      },
    ]);
    const onTime = { ...severeWasting, openedOn: addDays(today, -7) };
    expect(overdueReasons(onTime, packageOf({ case: onTime, lastMeasuredOn }), lastMeasuredOn, today)).toEqual([]);
    const treated = packageOf({
      case: severeWasting,
      lastMeasuredOn,
      interventions: [intervention('severe_malnutrition_care', 'delivered', '2025-11-20')],
    });
    expect(overdueReasons(severeWasting, treated, lastMeasuredOn, today)).toEqual([]);
  });
});

describe('the case an intervention serves', () => {
  it('is the earliest open case whose package includes its type', () => {
    expect(caseForIntervention('mp_asi', [severeWasting, stunting])).toBe(stunting.caseId);
    expect(caseForIntervention('severe_malnutrition_care', [stunting, severeWasting])).toBe(severeWasting.caseId);
    expect(caseForIntervention('severe_malnutrition_care', [stunting])).toBeNull();
    expect(caseForIntervention('dashat', [stunting])).toBeNull();
  });
});

describe('the catalog', () => {
  it('gives every type a unique code, a responsible OPD and a unit', () => {
    expect(new Set(INTERVENTION_TYPES.map((t) => t.code)).size).toBe(INTERVENTION_TYPES.length);
    for (const entry of INTERVENTION_TYPES) {
      expect(entry.unit).not.toBe('');
      expect(entry.name).not.toBe('');
    }
  });

  it('gives an age range within the balita years to everything recorded against a child, and none to the rest', () => {
    for (const entry of INTERVENTION_TYPES) {
      if (entry.target === 'child' || entry.target === 'household') {
        expect(entry.ageMonths!.from).toBeGreaterThanOrEqual(0);
        expect(entry.ageMonths!.to).toBeLessThanOrEqual(60);
      } else {
        expect(entry.ageMonths).toBeNull();
        expect(entry.caseTypes).toEqual([]);
      }
    }
  });
});
