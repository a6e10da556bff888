import { lazy, Suspense, useState } from 'react';
import { api } from '../api';
import { currentSession } from '../auth';
import { IndicatorTabs, type IndicatorName } from '../components/indicator-tabs';
import { Status } from '../components/status';
import { useI18n, type MessageKey } from '../i18n';
import { useApi } from '../use-api';
import { endOfDayInIndonesia, PeriodPicker, thisYear } from '../components/period-picker';

const TrendChart = lazy(() => import('../components/trend-chart'));

const GROUPS = ['district', 'village', 'puskesmas', 'posyandu'] as const;

export interface PrevalenceRow {
  readonly code: string;
  readonly name: string | null;
  readonly measured: number;
  /** The indicator's numerator as reporting counts it. */
  readonly cases: number | null;
  readonly prevalencePct: number | null;
  readonly targetPopulation: number | null;
  readonly coveragePct: number | null;
  readonly targetPrevalencePct: number | null;
  readonly [count: string]: unknown;
}
interface PrevalenceReport {
  readonly regionCode: string;
  readonly rows: readonly PrevalenceRow[];
}
export interface TrendReport {
  readonly series: readonly {
    month: string;
    measured: number;
    stunted: number;
    prevalencePct: number | null;
    targetPrevalencePct: number | null;
  }[];
}

export default function Overview() {
  const { t, number, percent } = useI18n();
  const session = currentSession();
  const regency = session?.regencyCode ?? '';
  const [indicator, setIndicator] = useState<IndicatorName>('stunting');
  const [groupBy, setGroupBy] = useState<(typeof GROUPS)[number]>('district');
  const [period, setPeriod] = useState(thisYear());
  const [ageGroup, setAgeGroup] = useState<'balita' | 'baduta'>('balita');
  const [asOf, setAsOf] = useState('');
  const query = { period, ageGroup, asOf: asOf ? endOfDayInIndonesia(asOf) : undefined };
  const total = useApi(
    () =>
      api.get<PrevalenceReport>('reporting', `/v1/reports/${indicator}-prevalence`, { ...query, groupBy: 'regency' }),
    [indicator, period, ageGroup, asOf],
  );
  const rows = useApi(
    () => api.get<PrevalenceReport>('reporting', `/v1/reports/${indicator}-prevalence`, { ...query, groupBy }),
    [indicator, groupBy, period, ageGroup, asOf],
  );
  const year = period.slice(0, 4);
  const trend = useApi(
    () =>
      api.get<TrendReport>('reporting', '/v1/reports/trend', {
        regionCode: regency,
        from: `${year}-01`,
        to: `${year}-12`,
        ageGroup,
      }),
    [regency, year, ageGroup],
  );

  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">{t('navOverview')}</h1>
      <div className="filters">
        <IndicatorTabs value={indicator} onChange={setIndicator} />
        <PeriodPicker value={period} onChange={setPeriod} />
        <label>
          {t('ageGroup')}
          <select
            value={ageGroup}
            onChange={(event) => setAgeGroup(event.target.value === 'baduta' ? 'baduta' : 'balita')}
          >
            <option value="balita">{t('balita')}</option>
            <option value="baduta">{t('baduta')}</option>
          </select>
        </label>
        <label>
          {t('asOf')}
          <input type="date" value={asOf} onChange={(event) => setAsOf(event.target.value)} />
        </label>
      </div>

      <Status loaded={total}>
        {(report) => {
          const row = report.rows[0];
          return (
            <div className="cards" data-testid="regency-total">
              <div className="card">
                <span className="card-label">
                  {t('prevalence')} {t(indicator)}
                </span>
                <strong data-testid="total-prevalence">{percent(row?.prevalencePct)}</strong>
              </div>
              <div className="card">
                <span className="card-label">{t('cases')}</span>
                <strong data-testid="total-cases">{number(row?.cases)}</strong>
              </div>
              <div className="card">
                <span className="card-label">{t('measured')}</span>
                <strong data-testid="total-measured">{number(row?.measured)}</strong>
              </div>
              <div className="card">
                <span className="card-label">{t('coverage')}</span>
                <strong>{percent(row?.coveragePct)}</strong>
              </div>
              <div className="card">
                <span className="card-label">{t('target')}</span>
                <strong>{percent(row?.targetPrevalencePct)}</strong>
              </div>
            </div>
          );
        }}
      </Status>

      <div className="section-head">
        <h2>{t('region')}</h2>
        <label>
          {t('groupBy')}
          <select value={groupBy} onChange={(event) => setGroupBy(event.target.value as (typeof GROUPS)[number])}>
            {GROUPS.map((group) => (
              <option key={group} value={group}>
                {t(`by_${group}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Status loaded={rows}>
        {(report) =>
          report.rows.length === 0 ? (
            <p>{t('noData')}</p>
          ) : (
            <table className="data" data-testid="prevalence-table">
              <thead>
                <tr>
                  <th scope="col">{t('region')}</th>
                  <th scope="col" className="num">
                    {t('measured')}
                  </th>
                  <th scope="col" className="num">
                    {t('cases')}
                  </th>
                  <th scope="col" className="num">
                    {t('prevalence')}
                  </th>
                  <th scope="col">{t('prevalence')}</th>
                  <th scope="col" className="num">
                    {t('coverage')}
                  </th>
                  <th scope="col" className="num">
                    {t('target')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((row) => (
                  <tr key={row.code} data-code={row.code}>
                    <th scope="row">{row.name ?? (row.code || t('noPosyandu'))}</th>
                    <td className="num" data-field="measured">
                      {number(row.measured)}
                    </td>
                    <td className="num" data-field="cases">
                      {number(row.cases)}
                    </td>
                    <td className="num" data-field="prevalence">
                      {percent(row.prevalencePct)}
                    </td>
                    <td aria-hidden="true">
                      <span className="bar" style={{ width: `${Math.min(100, (row.prevalencePct ?? 0) * 2)}%` }} />
                    </td>
                    <td className="num">{percent(row.coveragePct)}</td>
                    <td className="num">{percent(row.targetPrevalencePct)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Status>

      <h2>
        {t('trend')} — {t('stunting')} {year}
      </h2>
      <Status loaded={trend}>
        {(report) => (
          <Suspense fallback={<p aria-busy="true">{t('loading')}</p>}>
            <TrendChart report={report} />
          </Suspense>
        )}
      </Status>
    </section>
  );
}
