import { useI18n } from '../i18n';

export const INDICATORS = ['stunting', 'wasting', 'underweight'] as const;
export type IndicatorName = (typeof INDICATORS)[number];

/** Stunting, wasting, underweight: the three prevalences every report speaks of. */
export function IndicatorTabs({ value, onChange }: { value: IndicatorName; onChange: (name: IndicatorName) => void }) {
  const { t } = useI18n();
  return (
    <div role="tablist" aria-label={t('prevalence')}>
      {INDICATORS.map((name) => (
        <button key={name} role="tab" type="button" aria-selected={value === name} onClick={() => onChange(name)}>
          {t(name)}
        </button>
      ))}
    </div>
  );
}
