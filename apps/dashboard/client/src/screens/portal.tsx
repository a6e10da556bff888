import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { csvText, downloadCsv } from '../components/download';
import { PortalGrowthCharts } from '../components/portal-growth-charts';
import { Status } from '../components/status';
import { useI18n, type I18n } from '../i18n';
import { Z_INDICATORS, type PortalChild } from '../portal-types';
import { useApi } from '../use-api';

const ZTrendChart = lazy(() => import('../components/z-trend-chart'));

/** As the KMS says it, without the grams a sponsor does not see: N, T (2T), O, B; and BGM below the red line. */
function kmsText(g: PortalChild['growth'][number]): string {
  const parts: string[] = [];
  const gain = g.weightGain;
  if (gain)
    parts.push(
      `${gain.judgement}${gain.judgement === 'T' && gain.consecutiveT >= 2 ? ` (${gain.consecutiveT}T)` : ''}`,
    );
  if (g.bgm) parts.push('BGM');
  return parts.join(' · ') || '–';
}

/** One line per child and month: the latest z-scores and what the sponsor gave, for the sponsor's own records. */
function monthlySummary(children: readonly PortalChild[], { t }: I18n): string {
  const header = [
    'pseudonym',
    'month',
    ...Z_INDICATORS.map(([, short]) => `z ${short}`),
    t('latestClassification'),
    t('weightGainShort'),
    t('deliveredInterventions'),
    'Rp',
  ];
  const rows = children.flatMap((child) => {
    const months = new Map<string, string[]>();
    for (const g of child.growth) {
      months.set(g.measuredOn.slice(0, 7), [
        ...Z_INDICATORS.map(([key]) => String(g.zScores[key] ?? '')),
        g.classifications['heightForAge']?.label ?? '',
        kmsText(g),
      ]);
    }
    const all = new Set([
      ...months.keys(),
      ...child.interventions.map((i) => i.deliveredOn.slice(0, 7)),
      ...child.sponsorships.flatMap((s) => s.contributions.map((c) => c.date.slice(0, 7))),
    ]);
    return [...all].sort().map((month) => [
      child.pseudonym,
      month,
      ...(months.get(month) ?? ['', '', '', '', '']),
      child.interventions
        .filter((i) => i.deliveredOn.startsWith(month))
        .map((i) => i.type)
        .join('; '),
      String(
        child.sponsorships
          .flatMap((s) => s.contributions)
          .filter((c) => c.date.startsWith(month))
          .reduce((sum, c) => sum + (c.amountIdr ?? 0), 0),
      ),
    ]);
  });
  return csvText([header, ...rows]);
}

/**
 * A child's four WHO charts, drawn once opened: a sponsor of a dozen children would otherwise wait for fifty charts
 * to see the first name of the list.
 */
function WhoCharts({ child }: { child: PortalChild }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)} data-testid={`who-charts-${child.id}`}>
      <summary>
        <h3>{t('growthCharts')}</h3>
      </summary>
      {open && <PortalGrowthCharts growth={child.growth.filter((g) => !g.implausible)} sex={child.sex} />}
    </details>
  );
}

/** The Orang Tua Asuh portal: my sponsored children by pseudonym, how each grows, what was delivered and given. */
export default function Portal() {
  const i18n = useI18n();
  const { t, label, number, date, rupiah } = i18n;
  const children = useApi(() => api.get<{ items: PortalChild[] }>('sponsorship', '/v1/portal/children'), []);
  const download = (items: readonly PortalChild[]) => {
    downloadCsv('ringkasan-anak-asuh.csv', monthlySummary(items, i18n));
  };
  return (
    <section aria-labelledby="portal-title">
      <h1 id="portal-title">{t('navPortal')}</h1>
      <p className="note">{t('pseudonymNote')}</p>
      <Status loaded={children}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('noChildren')}</p>
          ) : (
            <>
              <p data-testid="portal-count">
                {number(items.length)} {t('childrenCount')}{' '}
                <button type="button" onClick={() => download(items)}>
                  {t('downloadSummary')}
                </button>
              </p>
              {items.map((child) => {
                const latest = child.growth.at(-1);
                return (
                  <article
                    key={child.id}
                    className="panel"
                    data-portal-id={child.id}
                    aria-labelledby={`child-${child.id}`}
                  >
                    <h2 id={`child-${child.id}`}>{child.pseudonym}</h2>
                    <dl className="facts">
                      <dt>{t('sex')}</dt>
                      <dd>{t(child.sex)}</dd>
                      <dt>{t('age')}</dt>
                      <dd>
                        {number(child.ageMonths)} {t('months')}
                      </dd>
                      <dt>{t('kecamatan')}</dt>
                      <dd>{child.kecamatan ?? '–'}</dd>
                      <dt>{t('latestClassification')}</dt>
                      <dd>
                        {latest
                          ? `${Z_INDICATORS.map(([key]) => latest.classifications[key]?.label)
                              .filter(Boolean)
                              .join(' · ')} (${date(latest.measuredOn)})`
                          : '–'}
                      </dd>
                    </dl>
                    <WhoCharts child={child} />
                    <h3>{t('zTrend')}</h3>
                    <Suspense fallback={<p aria-busy="true">{t('loading')}</p>}>
                      <ZTrendChart growth={child.growth} />
                    </Suspense>
                    <h3>{t('weighingHistory')}</h3>
                    <table className="data" data-testid={`weighings-${child.id}`}>
                      <thead>
                        <tr>
                          <th scope="col">{t('measuredOn')}</th>
                          <th scope="col">
                            <abbr title={t('weightGainTitle')}>{t('weightGainShort')}</abbr>
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {child.growth
                          .filter((g) => g.weightGain !== null || g.bgm)
                          .map((g, i) => (
                            <tr key={`${g.measuredOn}-${i}`}>
                              <td>{date(g.measuredOn)}</td>
                              <td data-field="weight-gain">{kmsText(g)}</td>
                            </tr>
                          ))}
                      </tbody>
                    </table>
                    <h3>{t('caseProgress')}</h3>
                    <ul>
                      {child.cases.map((c) => (
                        <li key={`${c.type}-${c.openedOn}`}>
                          {label('caseType', c.type)} ({c.severity}): {date(c.openedOn)} –{' '}
                          {c.closedOn
                            ? `${date(c.closedOn)}, ${c.closeReason === 'recovered' ? t('caseClosedRecovered') : c.closeReason}`
                            : c.status}
                        </li>
                      ))}
                    </ul>
                    <h3>{t('deliveredInterventions')}</h3>
                    <ul className="columns">
                      {child.interventions.map((i) => (
                        <li key={`${i.type}-${i.deliveredOn}`}>
                          {i.type} — {date(i.deliveredOn)}
                        </li>
                      ))}
                    </ul>
                    <h3>{t('myContributions')}</h3>
                    <table className="data" data-testid={`contributions-${child.id}`}>
                      <thead>
                        <tr>
                          <th scope="col">{t('measuredOn')}</th>
                          <th scope="col">{t('commitment')}</th>
                          <th scope="col" className="num">
                            Rp
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {child.sponsorships.flatMap((s) =>
                          s.contributions.map((c, index) => (
                            <tr key={`${s.id}-${index}`}>
                              <th scope="row">{date(c.date)}</th>
                              <td>{s.commitment.description}</td>
                              <td className="num">{rupiah(c.amountIdr)}</td>
                            </tr>
                          )),
                        )}
                      </tbody>
                    </table>
                    <Link to={`/portal/${child.id}/laporan`}>{t('growthReport')}</Link>
                  </article>
                );
              })}
            </>
          )
        }
      </Status>
    </section>
  );
}
