import { useI18n } from '../i18n';

export interface CaseView {
  readonly id: string;
  readonly childId: string;
  readonly type: string;
  readonly severity: string;
  readonly urgent: boolean;
  readonly status: string;
  readonly openedOn: string;
  readonly daysOpen: number;
  readonly child: { villageCode: string; districtCode: string; ageMonths: number; lastMeasuredOn: string | null };
  readonly lacking?: readonly string[];
  readonly package?: {
    readonly items: readonly {
      type: string;
      name: string;
      responsibleOpd: string;
      status: 'delivered' | 'planned' | 'missing' | string;
      on: string | null;
    }[];
  };
}

/** The convergence package of one case: each intervention delivered, planned or missing, by responsible OPD. */
export function PackageMatrix({ kase }: { kase: CaseView }) {
  const { t, label, date } = useI18n();
  const items = kase.package?.items ?? [];
  return (
    <table className="data matrix" data-testid={`package-${kase.id}`}>
      <caption>
        {t('package')} — {label('caseType', kase.type)} ({kase.severity}), {t('openCase').toLowerCase()}{' '}
        {date(kase.openedOn)}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('interventionType')}</th>
          <th scope="col">{t('provider')}</th>
          <th scope="col">{t('status')}</th>
          <th scope="col">{t('measuredOn')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.type} data-type={item.type} data-status={item.status}>
            <th scope="row">{item.name}</th>
            <td>{item.responsibleOpd}</td>
            <td>
              <span className={`pill pill-${item.status}`}>
                {item.status === 'delivered'
                  ? t('delivered')
                  : item.status === 'planned'
                    ? t('planned')
                    : t('statusMissing')}
              </span>
            </td>
            <td>{date(item.on)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
