import type { ChartName, ChildPoint } from './components/growth-chart';

/** One measurement as intake answers it for a child's history. */
export interface Measurement {
  readonly id: string;
  readonly status: string;
  readonly measuredOn: string;
  readonly ageDays: number;
  readonly ageMonths: number;
  readonly weightKg: number | null;
  readonly heightCm: number | null;
  readonly correctedHeightCm: number | null;
  readonly headCircumferenceCm: number | null;
  readonly flags: Record<string, boolean>;
  readonly zScores: Record<string, number | null>;
  readonly classifications: Record<string, { code: string; label: string } | null>;
  /** The posyandu's judgement against last month's weighing (KMS): absent on measurements older than it. */
  readonly weightGain?: {
    judgement: 'N' | 'T' | 'O' | 'B';
    gainGrams: number | null;
    kbmGrams: number | null;
    consecutiveT: number;
  } | null;
  /** Below the KMS red line (weight-for-age < −3 SD). */
  readonly bgm?: boolean;
}

/** The points of one WHO chart from a child's valid measurements (weight-for-length under 2 years, -height after). */
export function chartPoints(items: readonly Measurement[], chart: ChartName): ChildPoint[] {
  const valid = items.filter((m) => m.status === 'recorded');
  const pick = (
    x: (m: Measurement) => number | null,
    y: (m: Measurement) => number | null,
    when: (m: Measurement) => boolean = () => true,
  ) =>
    valid.flatMap((m) => {
      const [px, py] = [x(m), y(m)];
      return when(m) && px !== null && py !== null ? [{ date: m.measuredOn, x: px, y: py }] : [];
    });
  switch (chart) {
    case 'length-height-for-age':
      return pick(
        (m) => m.ageDays,
        (m) => m.correctedHeightCm ?? m.heightCm,
      );
    case 'weight-for-age':
      return pick(
        (m) => m.ageDays,
        (m) => m.weightKg,
      );
    case 'head-circumference-for-age':
      return pick(
        (m) => m.ageDays,
        (m) => m.headCircumferenceCm,
      );
    case 'weight-for-length':
      return pick(
        (m) => m.correctedHeightCm,
        (m) => m.weightKg,
        (m) => m.ageDays < 730,
      );
    case 'weight-for-height':
      return pick(
        (m) => m.correctedHeightCm,
        (m) => m.weightKg,
        (m) => m.ageDays >= 730,
      );
  }
}
