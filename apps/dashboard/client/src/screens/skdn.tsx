import { useState } from 'react';
import { api } from '../api';
import { Status } from '../components/status';
import { useI18n, type MessageKey } from '../i18n';
import { useApi } from '../use-api';

const GROUPS = ['posyandu', 'village', 'district', 'puskesmas'] as const;

export interface SkdnRow {
  code: string;
  name: string | null;
  s: number | null;
  k: number | null;
  weighed: number;
  n: number;
  t: number;
  twoT: number;
  o: number;
  b: number;
  bgm: number;
  ds: number | null;
  nd: number | null;
  nnt: number | null;
  bgmD: number | null;
}

export interface IncidenceRow {
  code: string;
  name: string | null;
  atRisk: number;
  newCases: number;
  incidencePct: number | null;
}

/** The month before this one, YYYY-MM: the last whose weighings are all in. */
const lastMonth = (): string => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
};

/**
 * Pemantauan pertumbuhan: the posyandu's monthly scorecard (SKDN) per posyandu, desa, kecamatan or puskesmas, and
 * the children who became stunted that month in the same places beside it — what kader and puskesmas read before any
 * z-score.
 */
export default function Skdn() {
  const { t, number, percent } = useI18n();
  const [month, setMonth] = useState(lastMonth());
  const [groupBy, setGroupBy] = useState<(typeof GROUPS)[number]>('posyandu');
  const skdn = useApi(
    () => api.get<{ rows: SkdnRow[] }>('reporting', '/v1/reports/skdn', { period: month, groupBy }),
    [month, groupBy],
  );
  const incidence = useApi(
    () => api.get<{ rows: IncidenceRow[] }>('reporting', '/v1/reports/stunting-incidence', { period: month, groupBy }),
    [month, groupBy],
  );
  return (
    <section aria-labelledby="skdn-title">
      <h1 id="skdn-title">{t('navSkdn')}</h1>
      <div className="filters">
        <label>
          {t('month')}{' '}
          <input type="month" value={month} onChange={(event) => event.target.value && setMonth(event.target.value)} />
        </label>
        <label>
          {t('groupBy')}{' '}
          <select value={groupBy} onChange={(event) => setGroupBy(event.target.value as (typeof GROUPS)[number])}>
            {GROUPS.map((group) => (
              <option key={group} value={group}>
                {t(`by_${group}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="note">{t('skdnLegend')}</p>
      <Status loaded={skdn}>
        {(report) =>
          report.rows.length === 0 ? (
            <p>{t('noWeighings')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data" data-testid="skdn-table">
                <thead>
                  <tr>
                    <th scope="col">{t('region')}</th>
                    {(['S', 'K', 'D', 'N', 'T', '2T', 'O', 'B', 'BGM', 'D/S', 'N/D', 'N/(N+T)', 'BGM/D'] as const).map(
                      (column) => (
                        <th key={column} scope="col" className="num">
                          {column}
                        </th>
                      ),
                    )}
                  </tr>
                </thead>
                <tbody>
                  {report.rows.map((row) => (
                    <tr key={row.code} data-code={row.code}>
                      <th scope="row">{row.name ?? (row.code || t('noPosyandu'))}</th>
                      <td className="num">{number(row.s)}</td>
                      <td className="num">{number(row.k)}</td>
                      <td className="num">{number(row.weighed)}</td>
                      <td className="num">{number(row.n)}</td>
                      <td className="num">{number(row.t)}</td>
                      <td className="num">{number(row.twoT)}</td>
                      <td className="num">{number(row.o)}</td>
                      <td className="num">{number(row.b)}</td>
                      <td className="num">{number(row.bgm)}</td>
                      <td className="num">{percent(row.ds)}</td>
                      <td className="num">{percent(row.nd)}</td>
                      <td className="num">{percent(row.nnt)}</td>
                      <td className="num">{percent(row.bgmD)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Status>

      <h2>{t('incidenceTitle')}</h2>
      <p className="note">{t('incidenceNote')}</p>
      <Status loaded={incidence}>
        {(report) => (
          <table className="data" data-testid="incidence-table">
            <thead>
              <tr>
                <th scope="col">{t('region')}</th>
                <th scope="col" className="num">
                  {t('atRisk')}
                </th>
                <th scope="col" className="num">
                  {t('newCases')}
                </th>
                <th scope="col" className="num">
                  {t('incidence')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={row.code} data-code={row.code}>
                  <th scope="row">{row.name ?? (row.code || t('noPosyandu'))}</th>
                  <td className="num">{number(row.atRisk)}</td>
                  <td className="num">{number(row.newCases)}</td>
                  <td className="num">{percent(row.incidencePct)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Status>
    </section>
  );
}
