import { addDays, completedMonths, daysBetween } from './calendar';
import { interventionType, requiredTypes, type InterventionType } from './catalog';
import type { KnownCase, OpenCase } from './case';

/** An intervention of the child as the package looks at it. */
export interface InterventionFacts {
  readonly interventionId: string;
  readonly type: string;
  readonly status: 'planned' | 'delivered' | 'cancelled';
  readonly plannedOn: string | null;
  readonly deliveredOn: string | null;
}

export type PackageItemStatus = 'delivered' | 'planned' | 'missing';

export interface PackageItem {
  readonly type: string;
  readonly category: InterventionType['category'];
  readonly name: string;
  readonly responsibleOpd: InterventionType['responsibleOpd'];
  readonly status: PackageItemStatus;
  /** The delivery that covers the child, or the plan; null when missing or met by a measurement. */
  readonly interventionId: string | null;
  /** Delivered on, or planned for. */
  readonly on: string | null;
  /** Must be delivered within this many days of the case opening. */
  readonly urgentWithinDays: number | null;
}

export interface CasePackage {
  /** The day the package is judged on: today for an open case, the closing day for a closed one. */
  readonly asOf: string;
  readonly ageMonths: number;
  readonly items: readonly PackageItem[];
  readonly delivered: number;
  readonly planned: number;
  readonly missing: number;
}

export interface PackageInput {
  readonly case: KnownCase;
  readonly birthDate: string;
  readonly interventions: readonly InterventionFacts[];
  /** The child's last measurement (any, voided ones excepted): a posyandu visit. */
  readonly lastMeasuredOn: string | null;
  readonly today: string;
}

/**
 * Convergence: the whole package the case needs for the child's age, each item delivered (a delivery still covers
 * the child), planned, or missing. "By name, by address, by problem": what the child still lacks.
 */
export function casePackage(input: PackageInput): CasePackage {
  const { case: theCase, birthDate, interventions, lastMeasuredOn } = input;
  const asOf = theCase.status === 'closed' ? theCase.closedOn : input.today;
  const ageMonths = completedMonths(birthDate, asOf);
  const items = requiredTypes(theCase.type, theCase.severity, ageMonths).map((entry): PackageItem => {
    const common = {
      type: entry.code,
      category: entry.category,
      name: entry.name,
      responsibleOpd: entry.responsibleOpd,
      urgentWithinDays: entry.urgentWithinDays,
    };
    const ofType = interventions.filter((i) => i.type === entry.code);
    const deliveries = ofType.flatMap((i): Array<{ interventionId: string | null; on: string }> =>
      i.status === 'delivered' && i.deliveredOn !== null
        ? [{ interventionId: i.interventionId, on: i.deliveredOn }]
        : [],
    );
    if (entry.metByMeasurement && lastMeasuredOn !== null)
      deliveries.push({ interventionId: null, on: lastMeasuredOn });
    const covering = deliveries
      .filter(({ on }) => on <= asOf && (entry.coversDays === null || daysBetween(on, asOf) < entry.coversDays))
      .sort((a, b) => b.on.localeCompare(a.on))[0];
    if (covering) return { ...common, status: 'delivered', ...covering };
    const plan = ofType
      .flatMap((i) =>
        i.status === 'planned' && i.plannedOn !== null ? [{ interventionId: i.interventionId, on: i.plannedOn }] : [],
      )
      .sort((a, b) => a.on.localeCompare(b.on))[0];
    if (plan) return { ...common, status: 'planned', ...plan };
    return { ...common, status: 'missing', interventionId: null, on: null };
  });
  const count = (status: PackageItemStatus) => items.filter((item) => item.status === status).length;
  return {
    asOf,
    ageMonths,
    items,
    delivered: count('delivered'),
    planned: count('planned'),
    missing: count('missing'),
  };
}

/** A child not measured for this long is overdue for its monthly posyandu visit. */
export const MEASUREMENT_OVERDUE_AFTER_DAYS = 30;

export type OverdueReason =
  | { readonly kind: 'not_measured'; readonly lastMeasuredOn: string | null }
  | { readonly kind: 'urgent_item_not_delivered'; readonly type: string; readonly dueOn: string };

/** Why an open case needs the TPPS now: the child is not being weighed, or an urgent item is late. */
export function overdueReasons(
  theCase: OpenCase,
  pack: CasePackage,
  lastMeasuredOn: string | null,
  today: string,
): OverdueReason[] {
  const reasons: OverdueReason[] = [];
  if (lastMeasuredOn === null || daysBetween(lastMeasuredOn, today) > MEASUREMENT_OVERDUE_AFTER_DAYS)
    reasons.push({ kind: 'not_measured', lastMeasuredOn });
  for (const item of pack.items) {
    if (item.urgentWithinDays === null || item.status === 'delivered') continue;
    if (daysBetween(theCase.openedOn, today) > item.urgentWithinDays)
      reasons.push({
        kind: 'urgent_item_not_delivered',
        type: item.type,
        dueOn: addDays(theCase.openedOn, item.urgentWithinDays),
      });
  }
  return reasons;
}

/** The open case an intervention of this type serves: the earliest opened whose package includes the type. */
export function caseForIntervention(typeCode: string, openCases: readonly OpenCase[]): string | null {
  const entry = interventionType(typeCode);
  if (!entry) return null;
  const serving = openCases
    .filter((c) => entry.caseTypes.includes(c.type) && (!entry.severeOnly || c.severity === 'severe'))
    .sort((a, b) => a.openedOn.localeCompare(b.openedOn));
  return serving[0]?.caseId ?? null;
}
