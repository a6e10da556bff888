import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { Z_INDICATORS, type PortalChild } from '../portal-types';
import { useChart } from './echarts';

const SD_LINES = [-3, -2, 0, 2, 3];

/**
 * A child's z-scores by age, on the WHO chart's own scale (the −3…+3 SD lines are horizontal): what a sponsor may
 * see of growth without any measurement that could single the child out.
 */
export default function ZTrendChart({ growth }: { growth: PortalChild['growth'] }) {
  const { t } = useI18n();
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 40, right: 16, top: 32, bottom: 36 },
      tooltip: { trigger: 'axis' },
      legend: { data: Z_INDICATORS.map(([, short]) => short) },
      xAxis: { type: 'value', name: t('months'), nameLocation: 'middle', nameGap: 24, scale: true },
      yAxis: { type: 'value', min: -4, max: 4, interval: 1 },
      series: Z_INDICATORS.map(([key, short], i) => ({
        name: short,
        type: 'line',
        data: growth.filter((g) => !g.implausible && g.zScores[key] !== null).map((g) => [g.ageMonths, g.zScores[key]]),
        ...(i === 0 && {
          markLine: {
            silent: true,
            symbol: 'none',
            label: { formatter: '{c} SD' },
            data: SD_LINES.map((z) => ({
              yAxis: z,
              lineStyle: {
                color: Math.abs(z) === 3 ? '#111' : z === 0 ? '#2e7d32' : '#c62828',
                type: z === 0 ? 'solid' : 'dashed',
              },
            })),
          },
        }),
      })),
    }),
    [growth, t],
  );
  const ref = useChart(option);
  return <div ref={ref} className="chart-canvas" role="img" aria-label={t('zTrend')} />;
}
