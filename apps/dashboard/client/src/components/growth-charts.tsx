import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n';
import { chartPoints, type Measurement } from '../measurements';

const GrowthChart = lazy(() => import('./growth-chart'));

/**
 * A child's WHO charts: the age charts over `range` (days), and weight-for-length (under two) and/or
 * weight-for-height (from two) as `lengthCharts` says.
 */
export function GrowthCharts(props: {
  items: readonly Measurement[];
  sex: 'male' | 'female';
  range?: readonly [number, number];
  lengthCharts: readonly ('weight-for-length' | 'weight-for-height')[];
  className?: string;
}) {
  const { t } = useI18n();
  const { items, sex, range, lengthCharts } = props;
  return (
    <Suspense fallback={<p aria-busy="true">{t('loading')}</p>}>
      <div className={props.className ?? 'charts'}>
        <GrowthChart
          chart="length-height-for-age"
          range={range}
          sex={sex}
          points={chartPoints(items, 'length-height-for-age')}
        />
        <GrowthChart chart="weight-for-age" range={range} sex={sex} points={chartPoints(items, 'weight-for-age')} />
        {lengthCharts.map((chart) => (
          <GrowthChart key={chart} chart={chart} sex={sex} points={chartPoints(items, chart)} />
        ))}
        <GrowthChart
          chart="head-circumference-for-age"
          range={range}
          sex={sex}
          points={chartPoints(items, 'head-circumference-for-age')}
        />
      </div>
    </Suspense>
  );
}
