import { useParams } from 'react-router';
import { api } from '../api';
import { GrowthCharts } from '../components/growth-charts';
import { PortalGrowthCharts } from '../components/portal-growth-charts';
import { Status } from '../components/status';
import { useI18n } from '../i18n';
import type { Measurement } from '../measurements';
import { Z_INDICATORS, type PortalChild } from '../portal-types';
import { useApi } from '../use-api';

interface Child {
  readonly id: string;
  readonly sex: 'male' | 'female';
  readonly birthDate: string;
  readonly personalData: { name: string | null } | null;
}

/** One row per visit in Indonesian: what a kader reads out to a mother at the posyandu. */
function MeasurementRows({
  rows,
}: {
  rows: readonly { date: string; age: number; z: Record<string, number | null>; labels: string }[];
}) {
  const { t, date, number } = useI18n();
  return (
    <table className="data" data-testid="report-measurements">
      <thead>
        <tr>
          <th scope="col">{t('measuredOn')}</th>
          <th scope="col" className="num">
            {t('ageMonthsShort')}
          </th>
          {Z_INDICATORS.map(([key, short]) => (
            <th key={key} scope="col" className="num">
              z {short}
            </th>
          ))}
          <th scope="col">{t('classification')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.date} data-date={row.date}>
            <th scope="row">{date(row.date)}</th>
            <td className="num">{number(row.age, 1)}</td>
            {Z_INDICATORS.map(([key]) => (
              <td key={key} className="num" data-z={key}>
                {number(row.z[key], 2)}
              </td>
            ))}
            <td>{row.labels}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RegistryReport({ childId }: { childId: string }) {
  const { t, date } = useI18n();
  const child = useApi(() => api.get<Child>('identity', `/v1/children/${childId}`), [childId]);
  const history = useApi(
    () => api.get<{ items: Measurement[] }>('intake', `/v1/children/${childId}/measurements`),
    [childId],
  );
  return (
    <Status loaded={child}>
      {(c) => (
        <Status loaded={history}>
          {({ items }) => {
            const valid = items.filter((m) => m.status === 'recorded');
            const latest = valid.at(-1);
            // A child under two is drawn on the 0–2 year charts, as its KMS page is; an older one on 0–5.
            const range: readonly [number, number] | undefined = latest && latest.ageDays < 730 ? [0, 730] : undefined;
            return (
              <article className="report-page">
                <h1>
                  {t('growthReport')}: {c.personalData?.name ?? c.id.slice(0, 8)}
                </h1>
                <p>
                  {t(c.sex)} · {t('birthDate')} {date(c.birthDate)} · {t('latestClassification')}:{' '}
                  <strong data-testid="report-latest">
                    {latest
                      ? Z_INDICATORS.map(([key]) => latest.classifications[key]?.label)
                          .filter(Boolean)
                          .join(' · ')
                      : '–'}
                  </strong>
                </p>
                <GrowthCharts
                  className="report-charts"
                  items={items}
                  sex={c.sex}
                  range={range}
                  lengthCharts={[latest && latest.ageDays < 730 ? 'weight-for-length' : 'weight-for-height']}
                />
                <MeasurementRows
                  rows={valid.map((m) => ({
                    date: m.measuredOn,
                    age: m.ageMonths,
                    z: m.zScores,
                    labels: Z_INDICATORS.map(([key]) => m.classifications[key]?.label)
                      .filter(Boolean)
                      .join(' · '),
                  }))}
                />
              </article>
            );
          }}
        </Status>
      )}
    </Status>
  );
}

function PortalReport({ portalId }: { portalId: string }) {
  const { t } = useI18n();
  const child = useApi(() => api.get<PortalChild>('sponsorship', `/v1/portal/children/${portalId}`), [portalId]);
  return (
    <Status loaded={child}>
      {(one) => (
        <>
          {[one].map((c) => {
            const valid = c.growth.filter((g) => !g.implausible);
            const latest = valid.at(-1);
            return (
              <article key={c.id} className="report-page">
                <h1>
                  {t('growthReport')}: {c.pseudonym}
                </h1>
                <p>
                  {t(c.sex)} · {c.ageMonths} {t('months')} · {t('latestClassification')}:{' '}
                  <strong data-testid="report-latest">
                    {latest
                      ? Z_INDICATORS.map(([key]) => latest.classifications[key]?.label)
                          .filter(Boolean)
                          .join(' · ')
                      : '–'}
                  </strong>
                </p>
                <PortalGrowthCharts className="report-charts" growth={valid} sex={c.sex} />
                <MeasurementRows
                  rows={valid.map((g) => ({
                    date: g.measuredOn,
                    age: g.ageMonths,
                    z: g.zScores,
                    labels: Z_INDICATORS.map(([key]) => g.classifications[key]?.label)
                      .filter(Boolean)
                      .join(' · '),
                  }))}
                />
              </article>
            );
          })}
        </>
      )}
    </Status>
  );
}

/** The printable growth report (A4, one page per child): for a TPPS from the registry, for a sponsor without identity. */
export default function GrowthReport({ source }: { source: 'registry' | 'portal' }) {
  const { childId = '', portalId = '' } = useParams();
  const { t } = useI18n();
  return (
    <>
      <p className="no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('printReport')}
        </button>
      </p>
      {source === 'registry' ? <RegistryReport childId={childId} /> : <PortalReport portalId={portalId} />}
    </>
  );
}
