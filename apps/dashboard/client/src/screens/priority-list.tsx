import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { DistrictSelect } from '../components/district-select';
import { Pager } from '../components/pager';
import { csvText, downloadCsv } from '../components/download';
import { Status } from '../components/status';
import { useI18n, type I18n } from '../i18n';
import { useApi } from '../use-api';

export interface PriorityItem {
  readonly childId: string;
  readonly reasons: readonly string[];
  readonly ageMonths: number;
  readonly residence: {
    villageCode: string;
    villageName: string | null;
    districtCode: string;
    districtName: string | null;
  };
  readonly posyanduCode: string | null;
  readonly latestMeasurement: {
    measuredOn: string;
    heightForAge: number | null;
    weightForHeight: number | null;
  } | null;
  readonly lastWeighing: { weighedOn: string | null; consecutiveT: number; bgm: boolean };
  readonly daysSinceLastMeasured: number | null;
  readonly openCases: readonly {
    id: string;
    type: string;
    severity: string;
    lacking: readonly string[];
  }[];
  readonly hasSponsor: boolean;
  readonly person: {
    name: string | null;
    address: { rt: string | null; rw: string | null; line: string | null };
  } | null;
}
interface PriorityPage {
  readonly items: readonly PriorityItem[];
  readonly total: number;
  readonly warnings: readonly string[];
}

const REASONS = ['severely_wasted', 'bgm', 'wasted', 'severely_stunted', 'stunted', 'two_t', 'not_weighed'] as const;
const PAGE = 50;
/** The CSV takes the whole filtered list, a thousand children a call (the API's largest page). */
const CSV_PAGE = 1000;

type Filter = { districtCode: string; villageCode: string; posyanduCode: string; reason: string };

const fetchPage = (filter: Filter, limit: number, offset: number) =>
  api.get<PriorityPage>('reporting', '/v1/reports/priority-children', { ...filter, limit, offset });

function addressOf(item: PriorityItem): string {
  const { rt, rw, line } = item.person?.address ?? { rt: null, rw: null, line: null };
  const parts = [line, rt && `RT ${rt}`, rw && `RW ${rw}`, item.residence.villageName, item.residence.districtName];
  return parts.filter(Boolean).join(', ');
}

const lastSeen = (item: PriorityItem): string | null =>
  [item.latestMeasurement?.measuredOn ?? null, item.lastWeighing.weighedOn]
    .filter((day): day is string => day !== null)
    .sort()
    .at(-1) ?? null;

function csvOf(items: readonly PriorityItem[], i18n: I18n): string {
  const { t, label } = i18n;
  const header = [
    t('name'),
    t('age'),
    t('address'),
    t('filterPosyandu'),
    t('problem'),
    t('lastMeasured'),
    t('openCase'),
    t('missing'),
    t('sponsor'),
    'childId',
  ];
  const rows = items.map((item) => [
    item.person?.name,
    item.ageMonths,
    addressOf(item),
    item.posyanduCode,
    item.reasons.map((reason) => label('problem', reason)).join('; '),
    lastSeen(item),
    item.openCases.map((c) => label('caseType', c.type)).join('; '),
    item.openCases.flatMap((c) => c.lacking).join('; '),
    item.hasSponsor ? t('yes') : t('no'),
    item.childId,
  ]);
  return csvText([header, ...rows]);
}

export default function PriorityList() {
  const i18n = useI18n();
  const { t, label, date, number } = i18n;
  const [filter, setFilter] = useState<Filter>({ districtCode: '', villageCode: '', posyanduCode: '', reason: '' });
  const [page, setPage] = useState(0);
  const [downloading, setDownloading] = useState(false);
  const change = (next: Partial<Filter>) => {
    setFilter((previous) => ({ ...previous, ...next }));
    setPage(0);
  };
  const report = useApi(() => fetchPage(filter, PAGE, page * PAGE), [filter, page]);
  const villages = useApi(
    () =>
      filter.districtCode
        ? api.get<{ rows: { code: string; name: string | null }[] }>('reporting', '/v1/reports/stunting-prevalence', {
            period: String(new Date().getFullYear()),
            regionCode: filter.districtCode,
            groupBy: 'village',
          })
        : Promise.resolve({ rows: [] }),
    [filter.districtCode],
  );
  // The posyandu the TPPS listed in the chosen wilayah, offered as the filter's suggestions; a code measurements
  // carry without a listing can still be typed.
  const posyandu = useApi(
    () =>
      api.get<{ items: { code: string; name: string }[] }>('reporting', '/v1/posyandu', {
        regionCode: filter.villageCode || filter.districtCode || null,
      }),
    [filter.districtCode, filter.villageCode],
  );
  const pages = Math.max(1, Math.ceil((report.data?.total ?? 0) / PAGE));
  const download = async () => {
    setDownloading(true);
    try {
      const items: PriorityItem[] = [];
      for (let offset = 0; ; offset += CSV_PAGE) {
        const chunk = await fetchPage(filter, CSV_PAGE, offset);
        items.push(...chunk.items);
        if (chunk.items.length < CSV_PAGE) break;
      }
      downloadCsv('daftar-prioritas.csv', csvOf(items, i18n));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <section aria-labelledby="priority-title">
      <h1 id="priority-title">{t('navPriority')}</h1>
      <div className="filters no-print">
        <DistrictSelect
          allowAll
          value={filter.districtCode}
          onChange={(code) => change({ districtCode: code, villageCode: '' })}
        />
        <label>
          {t('filterVillage')}
          <select
            value={filter.villageCode}
            disabled={!filter.districtCode}
            onChange={(event) => change({ villageCode: event.target.value })}
          >
            <option value="">{t('all')}</option>
            {(villages.data?.rows ?? []).map((row) => (
              <option key={row.code} value={row.code}>
                {row.name ?? row.code}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterPosyandu')}
          <input
            type="search"
            value={filter.posyanduCode}
            placeholder="PSY-…"
            list="posyandu-options"
            onChange={(event) => change({ posyanduCode: event.target.value.trim() })}
          />
          <datalist id="posyandu-options" data-testid="posyandu-options">
            {(posyandu.data?.items ?? []).map((p) => (
              <option key={p.code} value={p.code} label={p.name} />
            ))}
          </datalist>
        </label>
        <label>
          {t('filterProblem')}
          <select value={filter.reason} onChange={(event) => change({ reason: event.target.value })}>
            <option value="">{t('all')}</option>
            {REASONS.map((code) => (
              <option key={code} value={code}>
                {label('problem', code)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void download()} disabled={!report.data || downloading}>
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
              {number(report.data?.total ?? 0)} {t('childrenCount')}
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
                {(report.data?.items ?? []).map((item) => (
                  <tr key={item.childId} data-child-id={item.childId}>
                    <th scope="row">
                      <Link to={`/anak/${item.childId}`}>{item.person?.name ?? item.childId.slice(0, 8)}</Link>
                    </th>
                    <td className="num">
                      {number(item.ageMonths)} {t('months')}
                    </td>
                    <td>{addressOf(item)}</td>
                    <td>{item.reasons.map((reason) => label('problem', reason)).join(', ')}</td>
                    <td>{lastSeen(item) === null ? '–' : date(lastSeen(item)!)}</td>
                    <td>
                      {item.openCases.map((c) => `${label('caseType', c.type)} (${c.severity})`).join(', ') || '–'}
                    </td>
                    <td className="small">{item.openCases.flatMap((c) => c.lacking).join(', ') || '–'}</td>
                    <td>{item.hasSponsor ? t('yes') : t('no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={page} pages={pages} setPage={setPage} />
          </>
        )}
      </Status>
    </section>
  );
}
