import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api';
import { GrowthCharts } from '../components/growth-charts';
import { InterventionForm } from '../components/intervention-form';
import { PackageMatrix, type CaseView } from '../components/package-matrix';
import { Status } from '../components/status';
import { useI18n } from '../i18n';
import type { Measurement } from '../measurements';
import { useApi } from '../use-api';
import { ChildSponsorships } from './child/child-sponsorships';
import { ChildTimeline } from './child/child-timeline';
import { MeasurementsTable } from './child/measurements-table';
import { MergedNotice } from './child/merged-notice';

interface Child {
  readonly id: string;
  readonly sex: 'male' | 'female';
  readonly birthDate: string;
  readonly status: string;
  readonly mergedInto: string | null;
  readonly residence: { villageName: string | null; districtName: string | null; regencyName: string | null };
  readonly personalData: {
    nik: string | null;
    name: string | null;
    mother: { name: string | null } | null;
    address: { rt: string | null; rw: string | null; line: string | null };
  } | null;
}
interface Intervention {
  readonly id: string;
  readonly type: string;
  readonly status: string;
  readonly provider: string;
  readonly plannedOn: string | null;
  readonly deliveredOn: string | null;
  readonly quantity: number;
  readonly unit: string;
}

/** The WHO charts come as 0–2 and 2–5 years (lying length, then standing height); 0–5 shows a whole history. */
const AGE_RANGES = { range02: [0, 730], range25: [730, 1856], range05: undefined } as const;
type AgeRange = keyof typeof AGE_RANGES;

export default function ChildPage() {
  const { childId = '' } = useParams();
  const [chosenRange, setRange] = useState<AgeRange | null>(null);
  const { t, date, number } = useI18n();
  const child = useApi(() => api.get<Child>('identity', `/v1/children/${childId}`), [childId]);
  const measurements = useApi(
    () => api.get<{ items: Measurement[] }>('intake', `/v1/children/${childId}/measurements`),
    [childId],
  );
  const cases = useApi(() => api.get<{ items: CaseView[] }>('interventions', '/v1/cases', { childId }), [childId]);
  const interventions = useApi(
    () => api.get<{ items: Intervention[] }>('interventions', `/v1/children/${childId}/interventions`),
    [childId],
  );
  const detailedCases = useApi(
    async () =>
      Promise.all((cases.data?.items ?? []).map((c) => api.get<CaseView>('interventions', `/v1/cases/${c.id}`))),
    [cases.data, interventions.data],
  );

  // Until the officer picks one, the range the child's latest measurement falls in.
  const rangeOf = (items: readonly Measurement[]): AgeRange =>
    chosenRange ?? ((items.at(-1)?.ageDays ?? 0) < 730 ? 'range02' : 'range25');

  return (
    <Status loaded={child}>
      {(c) => (
        <article aria-labelledby="child-title">
          <h1 id="child-title">{c.personalData?.name ?? `${t('childTitle')} ${c.id.slice(0, 8)}`}</h1>
          <p className="no-print">
            <Link to={`/anak/${c.id}/laporan`}>{t('growthReport')}</Link>
          </p>
          {c.mergedInto && <MergedNotice childId={c.id} into={c.mergedInto} onUndone={child.reload} />}
          <section aria-labelledby="identity-title" className="panel">
            <h2 id="identity-title">{t('identity')}</h2>
            <dl className="facts">
              <dt>{t('sex')}</dt>
              <dd>{t(c.sex)}</dd>
              <dt>{t('birthDate')}</dt>
              <dd data-testid="birth-date">{date(c.birthDate)}</dd>
              {c.personalData?.nik && (
                <>
                  <dt>NIK</dt>
                  <dd>{c.personalData.nik}</dd>
                </>
              )}
              <dt>{t('mother')}</dt>
              <dd>{c.personalData?.mother?.name ?? '–'}</dd>
              <dt>{t('residence')}</dt>
              <dd>
                {[
                  c.personalData?.address.line,
                  c.residence.villageName,
                  c.residence.districtName,
                  c.residence.regencyName,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </dd>
            </dl>
          </section>

          <Status loaded={measurements}>
            {({ items }) => (
              <>
                <section aria-labelledby="charts-title" className="panel">
                  <h2 id="charts-title">{t('growthCharts')}</h2>
                  <div role="tablist" aria-label={t('age')} className="filters">
                    {(Object.keys(AGE_RANGES) as AgeRange[]).map((key) => (
                      <button
                        key={key}
                        type="button"
                        role="tab"
                        aria-selected={rangeOf(items) === key}
                        onClick={() => setRange(key)}
                      >
                        {t(key)}
                      </button>
                    ))}
                  </div>
                  <GrowthCharts
                    items={items}
                    sex={c.sex}
                    range={AGE_RANGES[rangeOf(items)]}
                    lengthCharts={['weight-for-length', 'weight-for-height']}
                  />
                </section>
                <MeasurementsTable items={items} />
              </>
            )}
          </Status>

          <section aria-labelledby="cases-title" className="panel">
            <h2 id="cases-title">{t('interventions')}</h2>
            <Status loaded={detailedCases}>
              {(list) => (
                <>
                  {list.map((kase) => (
                    <PackageMatrix key={kase.id} kase={kase} />
                  ))}
                </>
              )}
            </Status>
            <Status loaded={interventions}>
              {({ items }) => (
                <table className="data" data-testid="interventions-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('interventionType')}</th>
                      <th scope="col">{t('provider')}</th>
                      <th scope="col">{t('status')}</th>
                      <th scope="col">{t('plannedOn')}</th>
                      <th scope="col">{t('deliveredOn')}</th>
                      <th scope="col" className="num">
                        {t('quantity')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((i) => (
                      <tr key={i.id} data-type={i.type}>
                        <th scope="row">{i.type}</th>
                        <td>{i.provider}</td>
                        <td>{i.status}</td>
                        <td>{date(i.plannedOn)}</td>
                        <td>{date(i.deliveredOn)}</td>
                        <td className="num">
                          {number(i.quantity)} {i.unit}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Status>
            <InterventionForm
              childId={childId}
              onSaved={() => {
                interventions.reload();
                cases.reload();
              }}
            />
          </section>

          <ChildSponsorships childId={childId} />

          <ChildTimeline childId={childId} />
        </article>
      )}
    </Status>
  );
}
