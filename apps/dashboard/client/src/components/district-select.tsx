import { useEffect } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useApi } from '../use-api';

/** The regency's kecamatan that have measured children this year, named as the regions list names them. */
export function DistrictSelect({
  value,
  onChange,
  allowAll,
}: {
  value: string;
  onChange: (code: string) => void;
  allowAll: boolean;
}) {
  const { t } = useI18n();
  const districts = useApi(
    () =>
      api.get<{ rows: { code: string; name: string | null }[] }>('reporting', '/v1/reports/stunting-prevalence', {
        period: String(new Date().getFullYear()),
        groupBy: 'district',
      }),
    [],
  );
  const rows = districts.data?.rows ?? [];
  // A list that needs one kecamatan starts at the first.
  useEffect(() => {
    if (!allowAll && !value && rows.length > 0) onChange(rows[0].code);
  }, [allowAll, value, rows, onChange]);
  return (
    <label>
      {t('filterDistrict')}
      <select name="districtCode" value={value} onChange={(event) => onChange(event.target.value)}>
        {allowAll && <option value="">{t('all')}</option>}
        {rows.map((row) => (
          <option key={row.code} value={row.code}>
            {row.name ?? row.code}
          </option>
        ))}
      </select>
    </label>
  );
}
