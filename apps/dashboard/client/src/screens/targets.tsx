import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { currentSession } from '../auth';
import { Status } from '../components/status';
import { useI18n } from '../i18n';
import { useApi } from '../use-api';
import type { PrevalenceRow } from './overview';

/** Sasaran: target population and target prevalence per wilayah and year, as the rembuk stunting agreed them. */
export default function Targets() {
  const { t, number, percent } = useI18n();
  const regency = currentSession()?.regencyCode ?? '';
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const rows = useApi(async () => {
    const [total, districts] = await Promise.all(
      ['regency', 'district'].map((groupBy) =>
        api.get<{ rows: PrevalenceRow[] }>('reporting', '/v1/reports/stunting-prevalence', { period: year, groupBy }),
      ),
    );
    return [...total.rows, ...districts.rows];
  }, [year]);
  const [region, setRegion] = useState(regency);
  const [population, setPopulation] = useState('');
  const [prevalence, setPrevalence] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      await api.put('reporting', `/v1/targets/${region}/${year}`, {
        ...(population !== '' && { targetPopulation: Number(population) }),
        ...(prevalence !== '' && { targetPrevalencePct: Number(prevalence.replace(',', '.')) }),
      });
      rows.reload();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <section aria-labelledby="targets-title">
      <h1 id="targets-title">{t('targetsTitle')}</h1>
      <label>
        {t('year')}{' '}
        <input type="number" value={year} min="2020" max="2100" onChange={(event) => setYear(event.target.value)} />
      </label>
      <Status loaded={rows}>
        {(list) => (
          <>
            <table className="data" data-testid="targets-table">
              <thead>
                <tr>
                  <th scope="col">{t('region')}</th>
                  <th scope="col" className="num">
                    {t('targetPopulation')}
                  </th>
                  <th scope="col" className="num">
                    {t('measured')}
                  </th>
                  <th scope="col" className="num">
                    {t('coverage')}
                  </th>
                  <th scope="col" className="num">
                    {t('targetPrevalence')}
                  </th>
                  <th scope="col" className="num">
                    {t('prevalence')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((row) => (
                  <tr key={row.code} data-code={row.code}>
                    <th scope="row">{row.name ?? row.code}</th>
                    <td className="num">{number(row.targetPopulation)}</td>
                    <td className="num">{number(row.measured)}</td>
                    <td className="num">{percent(row.coveragePct)}</td>
                    <td className="num">{percent(row.targetPrevalencePct)}</td>
                    <td className="num">{percent(row.prevalencePct)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <form className="form" onSubmit={(event) => void submit(event)}>
              <label>
                {t('region')}
                <select name="region" value={region} onChange={(event) => setRegion(event.target.value)}>
                  {list.map((row) => (
                    <option key={row.code} value={row.code}>
                      {row.name ?? row.code}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('targetPopulation')}
                <input
                  name="targetPopulation"
                  inputMode="numeric"
                  value={population}
                  onChange={(event) => setPopulation(event.target.value)}
                />
              </label>
              <label>
                {t('targetPrevalence')}
                <input
                  name="targetPrevalencePct"
                  inputMode="decimal"
                  value={prevalence}
                  onChange={(event) => setPrevalence(event.target.value)}
                />
              </label>
              {problem && (
                <p className="field-error" role="alert">
                  {problem}
                </p>
              )}
              <button type="submit" className="primary">
                {t('save')}
              </button>
            </form>
          </>
        )}
      </Status>
    </section>
  );
}
