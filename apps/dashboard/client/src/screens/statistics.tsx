import { useState } from 'react';
import { api } from '../api';
import { endOfDayInIndonesia, PeriodPicker, thisYear } from '../components/period-picker';
import { downloadCsv } from '../components/download';
import { IndicatorTabs, type IndicatorName } from '../components/indicator-tabs';
import { Status } from '../components/status';
import { useI18n } from '../i18n';
import { useApi } from '../use-api';
import type { PrevalenceRow } from './overview';

/** Provinces by Kemendagri code, for the picker; the API answers for any code it knows. */
const PROVINCES: readonly [string, string][] = [
  ['11', 'Aceh'],
  ['12', 'Sumatera Utara'],
  ['13', 'Sumatera Barat'],
  ['14', 'Riau'],
  ['15', 'Jambi'],
  ['16', 'Sumatera Selatan'],
  ['17', 'Bengkulu'],
  ['18', 'Lampung'],
  ['19', 'Kepulauan Bangka Belitung'],
  ['21', 'Kepulauan Riau'],
  ['31', 'DKI Jakarta'],
  ['32', 'Jawa Barat'],
  ['33', 'Jawa Tengah'],
  ['34', 'DI Yogyakarta'],
  ['35', 'Jawa Timur'],
  ['36', 'Banten'],
  ['51', 'Bali'],
  ['52', 'Nusa Tenggara Barat'],
  ['53', 'Nusa Tenggara Timur'],
  ['61', 'Kalimantan Barat'],
  ['62', 'Kalimantan Tengah'],
  ['63', 'Kalimantan Selatan'],
  ['64', 'Kalimantan Timur'],
  ['65', 'Kalimantan Utara'],
  ['71', 'Sulawesi Utara'],
  ['72', 'Sulawesi Tengah'],
  ['73', 'Sulawesi Selatan'],
  ['74', 'Sulawesi Tenggara'],
  ['75', 'Gorontalo'],
  ['76', 'Sulawesi Barat'],
  ['81', 'Maluku'],
  ['82', 'Maluku Utara'],
  ['91', 'Papua Barat'],
  ['94', 'Papua'],
];

/** Every regency of a province (or of the nation) side by side, ranked, reproducible as known on any date. */
export default function Statistics() {
  const { t, number, percent } = useI18n();
  const [indicator, setIndicator] = useState<IndicatorName>('stunting');
  const [province, setProvince] = useState('');
  const [period, setPeriod] = useState(thisYear());
  const [asOf, setAsOf] = useState('');
  const instant = asOf ? endOfDayInIndonesia(asOf) : undefined;
  const report = useApi(
    () =>
      api.get<{ rows: PrevalenceRow[] }>('reporting', `/v1/reports/${indicator}-prevalence`, {
        groupBy: 'regency',
        regencyCode: province || undefined,
        period,
        asOf: instant,
        // Small cells blanked exactly as in the public CSV: a statistician's screen publishes no small count.
        public: 'true',
      }),
    [indicator, province, period, asOf],
  );
  const downloadExport = async () => {
    const csv = await api.text('reporting', '/v1/exports/stunting-prevalence.csv', { period, asOf: instant });
    downloadCsv(`prevalensi-stunting-${period}.csv`, csv);
  };
  return (
    <section aria-labelledby="stat-title">
      <h1 id="stat-title">{t('navStatistics')}</h1>
      <div className="filters">
        <IndicatorTabs value={indicator} onChange={setIndicator} />
        <label>
          {t('province')}
          <select value={province} onChange={(event) => setProvince(event.target.value)}>
            <option value="">{t('national')}</option>
            {PROVINCES.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <PeriodPicker value={period} onChange={setPeriod} />
        <label>
          {t('asOf')}
          <input type="date" value={asOf} onChange={(event) => setAsOf(event.target.value)} />
        </label>
        <button type="button" onClick={() => void downloadExport()}>
          {t('downloadCsv')}
        </button>
      </div>
      <Status loaded={report}>
        {({ rows }) => {
          const ranked = [...rows].sort((a, b) => (b.prevalencePct ?? -1) - (a.prevalencePct ?? -1));
          return ranked.length === 0 ? (
            <p>{t('noData')}</p>
          ) : (
            <table className="data" data-testid="statistics-table">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('rank')}
                  </th>
                  <th scope="col">{t('regencies')}</th>
                  <th scope="col" className="num">
                    {t('measured')}
                  </th>
                  <th scope="col" className="num">
                    {t('prevalence')}
                  </th>
                  <th scope="col" className="num">
                    {t('coverage')}
                  </th>
                  <th scope="col" className="num">
                    {t('target')}
                  </th>
                  <th scope="col" className="num">
                    {t('againstTarget')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ranked.map((row, index) => (
                  <tr key={row.code} data-code={row.code}>
                    <td className="num">{index + 1}</td>
                    <th scope="row">{row.name ?? row.code}</th>
                    <td className="num" data-field="measured">
                      {number(row.measured)}
                    </td>
                    <td className="num" data-field="prevalence">
                      {percent(row.prevalencePct)}
                    </td>
                    <td className="num">{percent(row.coveragePct)}</td>
                    <td className="num">{percent(row.targetPrevalencePct)}</td>
                    <td className="num">
                      {row.prevalencePct !== null && row.targetPrevalencePct !== null
                        ? percent(row.prevalencePct - row.targetPrevalencePct)
                        : '–'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }}
      </Status>
    </section>
  );
}
