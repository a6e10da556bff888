import type { ReactNode } from 'react';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import type { Loaded } from '../use-api';

/** Loading, refusal and "not found" the same way on every screen; children render once data is there. */
export function Status<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (loaded.error) {
    const status = loaded.error instanceof ApiError ? loaded.error.status : 0;
    const title = status === 404 ? t('notFound') : status === 403 ? t('notAllowed') : t('error');
    return (
      <div role="alert" className="alert" data-status={status}>
        <strong>{title}</strong>
        {status !== 404 && status !== 403 && <p>{loaded.error.message}</p>}
      </div>
    );
  }
  if (loaded.data === null) return <p aria-busy="true">{t('loading')}</p>;
  return <>{children(loaded.data)}</>;
}
