import { useI18n } from '../i18n';

export const thisYear = (): string => String(new Date().getFullYear());

/** The end of a calendar day in WIB (UTC+7), the instant an "as known on" date means to an officer in Java. */
export function endOfDayInIndonesia(isoDate: string): string {
  return `${isoDate}T23:59:59+07:00`;
}

/** A year, or one month of it: the two periods every report takes. */
export function PeriodPicker({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  const { t, language } = useI18n();
  const year = value.slice(0, 4);
  const month = value.length > 4 ? value.slice(5, 7) : '';
  const current = new Date().getFullYear();
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2000, m - 1, 1)),
    );
  return (
    <fieldset className="period">
      <legend>{t('period')}</legend>
      <label>
        <span className="sr-only">{t('year')}</span>
        <select
          value={year}
          onChange={(event) => onChange(month ? `${event.target.value}-${month}` : event.target.value)}
        >
          {Array.from({ length: 6 }, (_, i) => String(current - i)).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="sr-only">{t('period')}</span>
        <select
          value={month}
          onChange={(event) => onChange(event.target.value ? `${year}-${event.target.value}` : year)}
        >
          <option value="">{t('all')}</option>
          {Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')).map((m) => (
            <option key={m} value={m}>
              {monthName(Number(m))}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
