import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { downloadBlob } from '../components/download';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportJob {
  readonly id: string;
  readonly status: 'queued' | 'running' | 'waiting_for_uploader' | 'finished' | 'failed';
  readonly dryRun: boolean;
  readonly fileName: string;
  readonly problem: string | null;
  readonly reused?: boolean;
  readonly counts: Readonly<Record<(typeof COUNTS)[number][0], number>>;
}

const COUNTS = [
  ['rows', 'importRows'],
  ['childrenCreated', 'importChildrenCreated'],
  ['childrenMatched', 'importChildrenMatched'],
  ['measurementsCreated', 'importMeasurementsCreated'],
  ['duplicates', 'importDuplicates'],
  ['rejectedRows', 'importRejected'],
  ['rowsWithWarnings', 'importWarnings'],
  ['rowsWithDisagreements', 'importDisagreements'],
] as const satisfies ReadonlyArray<readonly [string, MessageKey]>;

const ended = (job: ImportJob) => job.status === 'finished' || job.status === 'failed';

/**
 * Upload of an e-PPGBM export (.xlsx or .csv) of the regency: identity imports it in the background; the panel follows
 * the job until it ends and offers the file back with each row's outcome.
 */
export function EppgbmImport() {
  const { t, number } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Follows the job while it runs: the API answers its state, the panel asks again each second.
  useEffect(() => {
    if (!job || ended(job)) return;
    const timer = setTimeout(() => {
      api.get<ImportJob>('identity', `/v1/imports/${job.id}`).then(setJob, (e: unknown) => setError(String(e)));
    }, 1000);
    return () => clearTimeout(timer);
  }, [job]);

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setJob(null);
    try {
      const type = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
      setJob(
        await api.upload<ImportJob>(
          'identity',
          '/v1/imports/e-ppgbm',
          { dryRun: String(dryRun), fileName: file.name },
          file,
          type,
        ),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  const outcomes = async () => {
    if (!job) return;
    try {
      const name = job.fileName.replace(/\.(xlsx|csv)$/i, '');
      downloadBlob(`${name}-hasil.xlsx`, await api.blob('identity', `/v1/imports/${job.id}/rows`, { format: 'xlsx' }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('importTitle')}</h2>
      <p>{t('importHelp')}</p>
      <form onSubmit={(event) => void upload(event)}>
        <label>
          {t('importFile')}{' '}
          <input
            type="file"
            accept=".xlsx,.csv"
            data-testid="import-file"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </label>{' '}
        <label>
          <input type="checkbox" checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} />{' '}
          {t('importDryRun')}
        </label>{' '}
        <button type="submit" disabled={!file}>
          {t('importUpload')}
        </button>
      </form>
      {error && (
        <p role="alert" className="notice">
          {error}
        </p>
      )}
      {job && (
        <div data-testid="import-job" data-status={job.status}>
          <p role="status">
            {job.fileName}: {t(`importStatus_${job.status}`)}
            {job.dryRun ? ` (${t('importDryRun').toLowerCase()})` : ''}
            {job.reused ? ` — ${t('importReused')}` : ''}
          </p>
          {job.problem && <p className="notice">{job.problem}</p>}
          <table className="data" data-testid="import-counts">
            <tbody>
              {COUNTS.map(([key, message]) => (
                <tr key={key} data-count={key}>
                  <th scope="row">{t(message)}</th>
                  <td className="num">{number(job.counts[key])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {ended(job) && job.status === 'finished' && (
            <button type="button" onClick={() => void outcomes()}>
              {t('importOutcomes')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
