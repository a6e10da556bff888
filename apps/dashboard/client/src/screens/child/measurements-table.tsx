import { useI18n } from '../../i18n';
import type { Measurement } from '../../measurements';
import { Z_INDICATORS as Z_COLUMNS } from '../../portal-types';

/** As the KMS says it: N +450 g, T (2T) −100 g, O, B; and BGM when below the red line. */
function weightGainText(m: Measurement): string {
  const gain = m.weightGain;
  const parts: string[] = [];
  if (gain) {
    const run = gain.judgement === 'T' && gain.consecutiveT >= 2 ? ` (${gain.consecutiveT}T)` : '';
    const grams = gain.gainGrams === null ? '' : ` ${gain.gainGrams >= 0 ? '+' : '−'}${Math.abs(gain.gainGrams)} g`;
    parts.push(`${gain.judgement}${run}${grams}`);
  }
  if (m.bgm) parts.push('BGM');
  return parts.join(' · ') || '–';
}

/** The child's visits with z-scores and the Permenkes labels; a voided one struck through, a flagged one marked. */
export function MeasurementsTable({ items }: { items: readonly Measurement[] }) {
  const { t, date, number } = useI18n();
  return (
    <section aria-labelledby="measurements-title" className="panel">
      <h2 id="measurements-title">{t('measurements')}</h2>
      <table className="data" data-testid="measurements-table">
        <thead>
          <tr>
            <th scope="col">{t('measuredOn')}</th>
            <th scope="col" className="num">
              {t('ageMonthsShort')}
            </th>
            <th scope="col" className="num">
              {t('weight')}
            </th>
            <th scope="col" className="num">
              {t('height')}
            </th>
            {Z_COLUMNS.map(([key, short]) => (
              <th key={key} scope="col" className="num">
                z {short}
              </th>
            ))}
            <th scope="col">
              <abbr title={t('weightGainTitle')}>N/T</abbr>
            </th>
            <th scope="col">{t('classification')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.id} data-measurement-id={m.id} className={m.status === 'voided' ? 'voided' : ''}>
              <th scope="row">
                {date(m.measuredOn)}
                {m.status === 'voided' && ` (${t('voided')})`}
              </th>
              <td className="num">{number(m.ageMonths, 1)}</td>
              <td className="num">{number(m.weightKg, 2)}</td>
              <td className="num">{number(m.heightCm, 1)}</td>
              {Z_COLUMNS.map(([key]) => (
                <td key={key} className="num" data-z={key}>
                  {number(m.zScores[key], 2)}
                  {m.flags[key] && <abbr title={t('flagged')}> !</abbr>}
                </td>
              ))}
              <td data-field="weight-gain">{weightGainText(m)}</td>
              <td>
                {Z_COLUMNS.map(([key]) => m.classifications[key]?.label)
                  .filter(Boolean)
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
