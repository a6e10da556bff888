import { useMemo } from 'react';
import { useI18n } from '../i18n';
import type { TrendReport } from '../screens/overview';
import { useChart } from './echarts';

/** Monthly stunting prevalence with the target line: what a TPPS reads at the rembuk stunting. */
export default function TrendChart({ report }: { report: TrendReport }) {
  const { t, percent } = useI18n();
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 16, top: 32, bottom: 32 },
      tooltip: { trigger: 'axis' },
      legend: { data: [t('prevalence'), t('target')] },
      xAxis: { type: 'category', data: report.series.map((point) => point.month) },
      yAxis: { type: 'value', name: '%', min: 0 },
      series: [
        { name: t('prevalence'), type: 'line', connectNulls: false, data: report.series.map((p) => p.prevalencePct) },
        {
          name: t('target'),
          type: 'line',
          lineStyle: { type: 'dashed' },
          data: report.series.map((p) => p.targetPrevalencePct),
        },
      ],
    }),
    [report, t],
  );
  const ref = useChart(option);
  return (
    <figure className="chart">
      <div ref={ref} className="chart-canvas" role="img" aria-label={t('trend')} />
      <figcaption className="sr-only">
        <table>
          <tbody>
            {report.series.map((point) => (
              <tr key={point.month}>
                <th scope="row">{point.month}</th>
                <td>{percent(point.prevalencePct)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
