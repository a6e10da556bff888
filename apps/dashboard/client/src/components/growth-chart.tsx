import { useMemo } from 'react';
import { api } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { useApi } from '../use-api';
import { useChart } from './echarts';
import { Status } from './status';
import { DAYS_PER_MONTH, drawnAtZ, plottedZ, type CurvePoint } from './growth-curves';

export type ChartName =
  'length-height-for-age' | 'weight-for-age' | 'weight-for-length' | 'weight-for-height' | 'head-circumference-for-age';

export interface ChildPoint {
  readonly date: string;
  /** Age in days for the age charts, length/height in cm for weight-for-length/height. */
  readonly x: number;
  readonly y: number;
}

/** A point known by its z-score only (the sponsor portal): drawn where that z-score stands at `x`. */
export interface ZPoint {
  readonly date: string;
  readonly x: number;
  readonly z: number;
}

export interface Curves {
  readonly x: 'ageDays' | 'lengthCm' | 'heightCm';
  readonly unit: string;
  readonly zScores: readonly number[];
  readonly points: readonly CurvePoint[];
}

const LINE_COLOURS: Record<number, string> = {
  [-3]: '#111',
  [-2]: '#c62828',
  [-1]: '#999',
  0: '#2e7d32',
  1: '#999',
  2: '#c62828',
  3: '#111',
};

/**
 * One WHO chart: the −3…+3 SD lines from the registry's own tables (served by intake, never bundled) and the
 * child's measurements as points. The table under the chart says, for each point, the z-score its drawn position
 * reads as between the lines — what a kader reads off a paper chart, and what the browser test checks.
 */
export default function GrowthChart(props: {
  chart: ChartName;
  sex: 'male' | 'female';
  range?: readonly [number, number];
  points: readonly ChildPoint[] | { readonly atZ: readonly ZPoint[] };
}) {
  const { chart, sex } = props;
  const curves = useApi(() => api.get<Curves>('intake', `/v1/growth-standards/${chart}`, { sex }), [chart, sex]);
  return <Status loaded={curves}>{(data) => <Drawn {...props} curves={data} />}</Status>;
}

function Drawn({
  chart,
  range,
  points,
  curves,
}: {
  chart: ChartName;
  range?: readonly [number, number];
  points: readonly ChildPoint[] | { readonly atZ: readonly ZPoint[] };
  curves: Curves;
}) {
  const { t, number, date } = useI18n();
  // Measured values are drawn and listed as they are; points known by z alone are placed by it, values unlisted.
  const measured = !('atZ' in points);
  const placed: readonly ChildPoint[] =
    'atZ' in points
      ? points.atZ.flatMap((p) => {
          const y = drawnAtZ(curves.points, p.x, p.z);
          return y === null ? [] : [{ date: p.date, x: p.x, y }];
        })
      : points;
  const byAge = curves.x === 'ageDays';
  const toX = (at: number) => (byAge ? at / DAYS_PER_MONTH : at);
  const [from, to] = range ?? [-Infinity, Infinity];
  const lines = curves.points.filter((p) => p.at >= from && p.at <= to);
  const shown = placed.filter((p) => p.x >= from && p.x <= to);
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 48, right: 24, top: 16, bottom: 40 },
      tooltip: { trigger: 'item' },
      xAxis: {
        type: 'value',
        name: byAge ? t('months') : 'cm',
        nameLocation: 'middle',
        nameGap: 26,
        min: toX(lines[0]?.at ?? 0),
        max: toX(lines.at(-1)?.at ?? 1),
        // The axis ends where the WHO table does (23.9 months…): its labels are whole months or centimetres.
        axisLabel: { formatter: (value: number) => number(value) },
      },
      yAxis: { type: 'value', name: curves.unit, scale: true },
      series: [
        ...curves.zScores.map((z, i) => ({
          name: `${z > 0 ? '+' : ''}${z} SD`,
          type: 'line',
          showSymbol: false,
          silent: true,
          lineStyle: { width: Math.abs(z) === 2 || z === 0 ? 2 : 1, color: LINE_COLOURS[z] },
          data: lines.map((p) => [toX(p.at), p.values[i]]),
        })),
        {
          name: t('measurements'),
          type: 'scatter',
          symbolSize: 8,
          itemStyle: { color: '#1565c0' },
          data: shown.map((p) => [toX(p.x), p.y]),
        },
      ],
    }),
    [curves, from, to, points],
  );
  const ref = useChart(option);
  return (
    <figure className="chart growth-chart" data-chart={chart}>
      <figcaption>{t(`chart_${chart.replaceAll('-', '_')}` as MessageKey)}</figcaption>
      <div
        ref={ref}
        className="chart-canvas"
        role="img"
        aria-label={t(`chart_${chart.replaceAll('-', '_')}` as MessageKey)}
      />
      <table className="sr-only chart-points" data-testid={`points-${chart}`}>
        <thead>
          <tr>
            <th scope="col">{t('measuredOn')}</th>
            <th scope="col">{byAge ? t('age') : 'cm'}</th>
            {measured && <th scope="col">{curves.unit}</th>}
            <th scope="col">z</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => {
            const z = plottedZ(curves.points, p.x, p.y);
            return (
              <tr key={`${p.date}-${p.x}`} data-date={p.date} data-plotted-z={z === null ? '' : z.toFixed(2)}>
                <td>{date(p.date)}</td>
                <td>{number(toX(p.x), 1)}</td>
                {measured && <td>{number(p.y, 2)}</td>}
                <td>{z === null ? '–' : number(z, 2)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
