import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { DistrictSelect } from '../components/district-select';
import { Pager, usePage } from '../components/pager';
import { csvText, downloadCsv } from '../components/download';
import { Status } from '../components/status';
import { useI18n, type I18n } from '../i18n';
import { useApi } from '../use-api';

export interface PriorityItem {
  readonly childId: string;
  readonly problems: readonly string[];
  readonly residence: {
    villageCode: string;
    villageName: string | null;
    districtCode: string;
    districtName: string | null;
  };
  readonly latestMeasurement: { measuredOn: string; heightForAge: number | null; weightForHeight: number | null };
  readonly daysSinceLastMeasured: number;
  readonly openCases: readonly {
    id: string;
    type: string;
    severity: string;
    lacking: readonly string[];
    child: { ageMonths: number };
  }[];
  readonly hasSponsor: boolean;
  readonly person: {
    name: string | null;
    address: { rt: string | null; rw: string | null; line: string | null };
  } | null;
}
interface PriorityReport {
  readonly items: readonly PriorityItem[];
  readonly warnings: readonly string[];
}

const PROBLEMS = ['severely_stunted', 'stunted', 'severely_wasted', 'wasted'] as const;

function addressOf(item: PriorityItem): string {
  const { rt, rw, line } = item.person?.address ?? { rt: null, rw: null, line: null };
  const parts = [line, rt && `RT ${rt}`, rw && `RW ${rw}`, item.residence.villageName, item.residence.districtName];
  return parts.filter(Boolean).join(', ');
}

function csvOf(items: readonly PriorityItem[], i18n: I18n): string {
  const { t, label } = i18n;
  const header = [
    t('name'),
    t('age'),
    t('address'),
    t('problem'),
    t('lastMeasured'),
    t('openCase'),
    t('missing'),
    t('sponsor'),
    'childId',
  ];
  const rows = items.map((item) => [
    item.person?.name,
    item.openCases[0]?.child.ageMonths,
    addressOf(item),
    item.problems.map((p) => label('problem', p)).join('; '),
    item.latestMeasurement.measuredOn,
    item.openCases.map((c) => c.type).join('; '),
    item.openCases.flatMap((c) => c.lacking).join('; '),
    item.hasSponsor ? t('yes') : t('no'),
    item.childId,
  ]);
  return csvText([header, ...rows]);
}

export default function PriorityList() {
  const i18n = useI18n();
  const { t, label, date, number } = i18n;
  const [district, setDistrict] = useState('');
  const [village, setVillage] = useState('');
  const [problem, setProblem] = useState('');
  const report = useApi(
    () => api.get<PriorityReport>('reporting', '/v1/reports/priority-children', { districtCode: district }),
    [district],
  );
  const villages = useMemo(() => {
    const names = new Map<string, string>();
    for (const item of report.data?.items ?? [])
      names.set(item.residence.villageCode, item.residence.villageName ?? item.residence.villageCode);
    return [...names].sort((a, b) => a[1].localeCompare(b[1]));
  }, [report.data]);
  const shown = (report.data?.items ?? []).filter(
    (item) => (!village || item.residence.villageCode === village) && (!problem || item.problems.includes(problem)),
  );
  const paged = usePage(shown);
  const download = () => {
    downloadCsv('daftar-prioritas.csv', csvOf(shown, i18n));
  };

  return (
    <section aria-labelledby="priority-title">
      <h1 id="priority-title">{t('navPriority')}</h1>
      <div className="filters no-print">
        <DistrictSelect
          allowAll
          value={district}
          onChange={(code) => {
            setDistrict(code);
            setVillage('');
          }}
        />
        <label>
          {t('filterVillage')}
          <select value={village} onChange={(event) => setVillage(event.target.value)}>
            <option value="">{t('all')}</option>
            {villages.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterProblem')}
          <select value={problem} onChange={(event) => setProblem(event.target.value)}>
            <option value="">{t('all')}</option>
            {PROBLEMS.map((code) => (
              <option key={code} value={code}>
                {label('problem', code)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={download} disabled={!report.data}>
          {t('downloadCsv')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('print')}
        </button>
      </div>
      <Status loaded={report}>
        {() => (
          <>
            <p data-testid="priority-count">
              {number(shown.length)} {t('childrenCount')}
            </p>
            <table className="data" data-testid="priority-table">
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th>
                  <th scope="col" className="num">
                    {t('age')}
                  </th>
                  <th scope="col">{t('address')}</th>
                  <th scope="col">{t('problem')}</th>
                  <th scope="col">{t('lastMeasured')}</th>
                  <th scope="col">{t('openCase')}</th>
                  <th scope="col">{t('missing')}</th>
                  <th scope="col">{t('sponsor')}</th>
                </tr>
              </thead>
              <tbody>
                {paged.rows.map((item) => (
                  <tr key={item.childId} data-child-id={item.childId}>
                    <th scope="row">
                      <Link to={`/anak/${item.childId}`}>{item.person?.name ?? item.childId.slice(0, 8)}</Link>
                    </th>
                    <td className="num">
                      {item.openCases[0] ? `${item.openCases[0].child.ageMonths} ${t('months')}` : '–'}
                    </td>
                    <td>{addressOf(item)}</td>
                    <td>{item.problems.map((p) => label('problem', p)).join(', ')}</td>
                    <td>{date(item.latestMeasurement.measuredOn)}</td>
                    <td>{item.openCases.map((c) => `${c.type} (${c.severity})`).join(', ') || '–'}</td>
                    <td className="small">{item.openCases.flatMap((c) => c.lacking).join(', ') || '–'}</td>
                    <td>{item.hasSponsor ? t('yes') : t('no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager {...paged} />
          </>
        )}
      </Status>
    </section>
  );
}
