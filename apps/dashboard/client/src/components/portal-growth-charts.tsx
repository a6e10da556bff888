import { lazy, Suspense } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { PortalChild } from '../portal-types';
import { useApi } from '../use-api';
import type { Curves, ZPoint } from './growth-chart';
import { DAYS_PER_MONTH, drawnAtZ } from './growth-curves';

const GrowthChart = lazy(() => import('./growth-chart'));

type Growth = PortalChild['growth'][number];

/**
 * Where a weighing stands on an age chart for a sponsor: the middle of its completed month of age, the KMS's column
 * for that month. The portal gives ages in whole months, never the days that would tell the birth date.
 */
const monthColumn = (g: Growth) => (g.ageMonths + 0.5) * DAYS_PER_MONTH;

/**
 * A sponsored child's four WHO charts, its points placed by the z-scores the portal gives (a sponsor sees no
 * measured weight or length): on the age charts at the month's column, on weight-for-length/height at the length
 * its length-for-age z-score stands for at that age.
 */
export function PortalGrowthCharts(props: { growth: readonly Growth[]; sex: 'male' | 'female'; className?: string }) {
  const { t } = useI18n();
  const { growth, sex } = props;
  const heights = useApi(() => api.get<Curves>('intake', '/v1/growth-standards/length-height-for-age', { sex }), [sex]);
  const latest = growth.at(-1);
  const underTwo = latest !== undefined && latest.ageMonths < 24;
  const range: readonly [number, number] | undefined = underTwo ? [0, 730] : undefined;
  const byAge = (indicator: string): ZPoint[] =>
    growth.flatMap((g) => {
      const z = g.zScores[indicator];
      return z === null || z === undefined ? [] : [{ date: g.measuredOn, x: monthColumn(g), z }];
    });
  const lengthChart = underTwo ? 'weight-for-length' : 'weight-for-height';
  const byLength: ZPoint[] = growth.flatMap((g) => {
    const [length, weight] = [g.zScores['heightForAge'], g.zScores['weightForHeight']];
    if (!heights.data || length === null || length === undefined || weight === null || weight === undefined) return [];
    const onThisChart = underTwo ? g.ageMonths < 24 : g.ageMonths >= 24;
    if (!onThisChart) return [];
    const x = drawnAtZ(heights.data.points, monthColumn(g), length);
    return x === null ? [] : [{ date: g.measuredOn, x, z: weight }];
  });
  return (
    <Suspense fallback={<p aria-busy="true">{t('loading')}</p>}>
      <div className={props.className ?? 'charts'}>
        <GrowthChart chart="length-height-for-age" range={range} sex={sex} points={{ atZ: byAge('heightForAge') }} />
        <GrowthChart chart="weight-for-age" range={range} sex={sex} points={{ atZ: byAge('weightForAge') }} />
        <GrowthChart chart={lengthChart} sex={sex} points={{ atZ: byLength }} />
        <GrowthChart
          chart="head-circumference-for-age"
          range={range}
          sex={sex}
          points={{ atZ: byAge('headCircumferenceForAge') }}
        />
      </div>
      <p className="note">{t('portalChartsNote')}</p>
    </Suspense>
  );
}
