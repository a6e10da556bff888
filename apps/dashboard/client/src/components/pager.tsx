import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';

export const PAGE_SIZE = 50;

/** One page of a long list (a regency has thousands of priority children): the rows shown, and the pager. */
export function usePage<T>(items: readonly T[], size = PAGE_SIZE) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(items.length / size));
  // A new filter starts again at the first page.
  useEffect(() => setPage(0), [items.length]);
  return { rows: items.slice(page * size, (page + 1) * size), page, pages, setPage };
}

export function Pager({ page, pages, setPage }: { page: number; pages: number; setPage: (page: number) => void }) {
  const { t, number } = useI18n();
  if (pages <= 1) return null;
  return (
    <nav className="pager no-print" aria-label={t('pages')}>
      <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
        ‹ {t('previous')}
      </button>
      <span data-testid="page-of">
        {number(page + 1)} / {number(pages)}
      </span>
      <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
        {t('next')} ›
      </button>
    </nav>
  );
}
