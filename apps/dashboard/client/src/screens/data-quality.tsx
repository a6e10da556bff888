import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../api';
import { Status } from '../components/status';
import { useI18n } from '../i18n';
import { EppgbmImport } from './e-ppgbm-import';
import { Freshness } from './freshness';
import type { Measurement } from '../measurements';
import { useApi } from '../use-api';

interface Pair {
  readonly childId: string;
  readonly otherChildId: string;
  readonly evidence: readonly (string | { kind?: string; [key: string]: unknown })[];
  readonly score: number;
}

function evidenceText(evidence: Pair['evidence'][number]): string {
  return typeof evidence === 'string' ? evidence : String(evidence.kind ?? JSON.stringify(evidence));
}

/** Suspected duplicates to merge, e-PPGBM imports, and whether each service's read models are keeping up. */
export default function DataQuality() {
  const { t, label, number, date } = useI18n();
  const duplicates = useApi(() => api.get<{ pairs: Pair[] }>('identity', '/v1/children/duplicates'), []);
  const flagged = useApi(
    () => api.get<{ items: (Measurement & { childId: string })[] }>('intake', '/v1/measurements/flagged'),
    [],
  );
  const [message, setMessage] = useState<string | null>(null);
  const merge = async (pair: Pair) => {
    setMessage(null);
    try {
      await api.post('identity', `/v1/children/${pair.otherChildId}/merge`, {
        intoChildId: pair.childId,
        reason: 'Data ganda dikonfirmasi TPPS (dasbor)',
      });
      setMessage(`${t('mergedNotice')} ${pair.childId}`);
      duplicates.reload();
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <section aria-labelledby="quality-title">
      <h1 id="quality-title">{t('navDataQuality')}</h1>
      <h2>{t('duplicates')}</h2>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      <Status loaded={duplicates}>
        {({ pairs }) =>
          pairs.length === 0 ? (
            <p>{t('noDuplicates')}</p>
          ) : (
            <table className="data" data-testid="duplicates-table">
              <thead>
                <tr>
                  <th scope="col">{t('childTitle')}</th>
                  <th scope="col">{t('mergeInto')}</th>
                  <th scope="col">{t('evidence')}</th>
                  <th scope="col" className="num">
                    Skor
                  </th>
                  <th scope="col">
                    <span className="sr-only">{t('merge')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {pairs.map((pair) => (
                  <tr key={`${pair.childId}-${pair.otherChildId}`} data-pair={`${pair.otherChildId}>${pair.childId}`}>
                    <th scope="row">
                      <Link to={`/anak/${pair.otherChildId}`}>{pair.otherChildId.slice(0, 8)}</Link>
                    </th>
                    <td>
                      <Link to={`/anak/${pair.childId}`}>{pair.childId.slice(0, 8)}</Link>
                    </td>
                    <td>{pair.evidence.map(evidenceText).join(', ')}</td>
                    <td className="num">{number(pair.score, 2)}</td>
                    <td>
                      <button type="button" onClick={() => void merge(pair)}>
                        {t('merge')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Status>
      <h2>{t('flaggedMeasurements')}</h2>
      <Status loaded={flagged}>
        {({ items }) => (
          <>
            <p data-testid="flagged-count">
              {number(items.length)} {t('measurements').toLowerCase()}
            </p>
            <table className="data" data-testid="flagged-table">
              <thead>
                <tr>
                  <th scope="col">{t('measuredOn')}</th>
                  <th scope="col">{t('childTitle')}</th>
                  <th scope="col" className="num">
                    {t('weight')}
                  </th>
                  <th scope="col" className="num">
                    {t('height')}
                  </th>
                  <th scope="col">{t('flagged')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <tr key={m.id} data-measurement-id={m.id}>
                    <th scope="row">{date(m.measuredOn)}</th>
                    <td>
                      <Link to={`/anak/${m.childId}`}>{m.childId.slice(0, 8)}</Link>
                    </td>
                    <td className="num">{number(m.weightKg, 2)}</td>
                    <td className="num">{number(m.heightCm, 1)}</td>
                    <td>
                      {Object.entries(m.flags)
                        .filter(([, on]) => on)
                        .map(([flag]) => label('flag', flag))
                        .join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Status>
      <EppgbmImport />
      <Freshness />
    </section>
  );
}
