import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../../api';
import { useI18n } from '../../i18n';

/** A record merged into another: where it went, and undoing the merge (an event too; both records come back). */
export function MergedNotice({ childId, into, onUndone }: { childId: string; into: string; onUndone: () => void }) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const undo = async () => {
    try {
      await api.post('identity', `/v1/children/${childId}/unmerge`, {
        reason: 'Penggabungan dibatalkan TPPS (dasbor)',
      });
      onUndone();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    }
  };
  return (
    <p role="note" className="alert" data-testid="merged-notice">
      {t('mergedNotice')} <Link to={`/anak/${into}`}>{into}</Link>{' '}
      <button type="button" onClick={() => void undo()}>
        {t('unmerge')}
      </button>
      {problem && <span className="field-error"> {problem}</span>}
    </p>
  );
}
