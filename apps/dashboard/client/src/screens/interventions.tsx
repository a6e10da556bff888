import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { PackageMatrix, type CaseView } from '../components/package-matrix';
import { Pager, usePage } from '../components/pager';
import { Status } from '../components/status';
import { useI18n } from '../i18n';
import { useApi } from '../use-api';

/** Open and overdue cases; a case's package matrix opens under its row. */
export default function Interventions() {
  const { t } = useI18n();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  const cases = useApi(
    () =>
      overdueOnly
        ? api.get<{ items: CaseView[] }>('interventions', '/v1/cases/overdue')
        : api.get<{ items: CaseView[] }>('interventions', '/v1/cases', { status: 'open', limit: 1000 }),
    [overdueOnly],
  );
  const detail = useApi(
    async () => (opened ? api.get<CaseView>('interventions', `/v1/cases/${opened}`) : null),
    [opened],
  );
  return (
    <section aria-labelledby="interventions-title">
      <h1 id="interventions-title">{t('navInterventions')}</h1>
      <div role="tablist" aria-label={t('navInterventions')} className="filters">
        <button role="tab" type="button" aria-selected={!overdueOnly} onClick={() => setOverdueOnly(false)}>
          {t('openCases')}
        </button>
        <button role="tab" type="button" aria-selected={overdueOnly} onClick={() => setOverdueOnly(true)}>
          {t('overdueCases')}
        </button>
      </div>
      <Status loaded={cases}>{({ items }) => <CaseTable items={items} opened={opened} setOpened={setOpened} />}</Status>
      {opened && <Status loaded={detail}>{(kase) => (kase ? <PackageMatrix kase={kase} /> : null)}</Status>}
    </section>
  );
}

function CaseTable({
  items,
  opened,
  setOpened,
}: {
  items: readonly CaseView[];
  opened: string | null;
  setOpened: (id: string | null) => void;
}) {
  const { t, label, number, date } = useI18n();
  const paged = usePage(items);
  return (
    <>
      <p data-testid="cases-count">
        {number(items.length)} {t('cases').toLowerCase()}
      </p>
      <table className="data" data-testid="cases-table">
        <thead>
          <tr>
            <th scope="col">{t('childTitle')}</th>
            <th scope="col">{t('caseType')}</th>
            <th scope="col">{t('severity')}</th>
            <th scope="col">{t('openCase')}</th>
            <th scope="col" className="num">
              {t('daysOpen')}
            </th>
            <th scope="col">{t('missing')}</th>
            <th scope="col">
              <span className="sr-only">{t('package')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {paged.rows.map((kase) => (
            <tr key={kase.id} data-case-id={kase.id}>
              <th scope="row">
                <Link to={`/anak/${kase.childId}`}>{kase.childId.slice(0, 8)}</Link>
              </th>
              <td>
                {label('caseType', kase.type)}
                {kase.urgent ? ' ⚠' : ''}
              </td>
              <td>{kase.severity}</td>
              <td>{date(kase.openedOn)}</td>
              <td className="num">{number(kase.daysOpen)}</td>
              <td className="small">{(kase.lacking ?? []).join(', ') || '–'}</td>
              <td>
                <button
                  type="button"
                  aria-expanded={opened === kase.id}
                  onClick={() => setOpened(opened === kase.id ? null : kase.id)}
                >
                  {t('package')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager {...paged} />
    </>
  );
}
