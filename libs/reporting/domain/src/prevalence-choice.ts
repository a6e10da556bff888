/**
 * Among a child's candidates for one cell of the prevalence aggregate (a period, an indicator and an age group), the
 * one it counts with: unflagged first, then the latest measured, the latest recorded, the lowest measurement id. The
 * order is total, so every path that applies it chooses the same measurement. It is stated here once, as data: the
 * SQL of the aggregate and of PrevalenceQuery orders by it (reporting-feature, prevalence-choice.ts), the in-memory
 * build compares by it (prevalenceChoiceComparator); prevalence-aggregate.int.spec.ts holds them to the same rows.
 */
export const PREVALENCE_CHOICE_ORDER = [
  { key: 'flagged', descending: false },
  { key: 'measuredOn', descending: true },
  { key: 'recordedAt', descending: true },
  { key: 'measurementId', descending: false },
] as const;

export type PrevalenceChoiceKey = (typeof PREVALENCE_CHOICE_ORDER)[number]['key'];

type Compare<T> = (a: T, b: T) => number;

/**
 * A comparator that puts the chosen candidate first, from an ascending comparison per key of the rule. A caller that
 * applies a key some other way names it in `skipped` (the in-memory build applies the flag per indicator); any other
 * key the rule gains must then be given a comparison.
 */
export function prevalenceChoiceComparator<T, Skipped extends PrevalenceChoiceKey = never>(
  ascending: Readonly<Record<Exclude<PrevalenceChoiceKey, Skipped>, Compare<T>>>,
  skipped: readonly Skipped[] = [],
): Compare<T> {
  const compared = (key: PrevalenceChoiceKey): key is Exclude<PrevalenceChoiceKey, Skipped> =>
    !(skipped as readonly PrevalenceChoiceKey[]).includes(key);
  return PREVALENCE_CHOICE_ORDER.reduceRight<Compare<T>>(
    (next, { key, descending }) => {
      if (!compared(key)) return next;
      const compare = ascending[key];
      return descending ? (a, b) => compare(b, a) || next(a, b) : (a, b) => compare(a, b) || next(a, b);
    },
    () => 0,
  );
}
