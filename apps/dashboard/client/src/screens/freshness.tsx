import { api, type Service } from '../api';
import { useI18n } from '../i18n';
import { useApi } from '../use-api';

interface FreshnessView {
  readonly service: string;
  readonly store: { topic: string; unpublished: number; lastRecordedAt: string | null } | null;
  readonly projections: readonly {
    projection: string;
    behind: number;
    lastAppliedAt: string | null;
    deadLetters: number;
  }[];
}

const SERVICES: readonly Service[] = ['identity', 'intake', 'interventions', 'sponsorship', 'reporting'];

type Answer = { service: Service; view: FreshnessView } | { service: Service; error: string };

/**
 * Whether each service is current: its own events on their way to Kafka, and each read model behind what the others
 * published. Asked of each service on its own, so one that is down shows as such while the others still answer.
 */
export function Freshness() {
  const { t, label, number, dateTime } = useI18n();
  const answers = useApi(
    () =>
      Promise.all(
        SERVICES.map((service): Promise<Answer> =>
          api.get<FreshnessView>(service, '/v1/ops/freshness').then(
            (view) => ({ service, view }),
            (error: unknown) => ({ service, error: error instanceof Error ? error.message : String(error) }),
          ),
        ),
      ),
    [],
  );
  const state = (behind: number, deadLetters = 0) =>
    [behind === 0 ? t('upToDate') : t('lagging'), deadLetters > 0 ? `${number(deadLetters)} ${t('deadLetters')}` : '']
      .filter(Boolean)
      .join(', ');
  return (
    <>
      <h2>{t('freshness')}</h2>
      <p>{t('freshnessHint')}</p>
      {answers.data === null ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : (
        <table className="data" data-testid="freshness-table">
          <thead>
            <tr>
              <th scope="col">{t('service')}</th>
              <th scope="col">{t('part')}</th>
              <th scope="col" className="num">
                {t('behind')}
              </th>
              <th scope="col">{t('lastActivity')}</th>
              <th scope="col">{t('state')}</th>
            </tr>
          </thead>
          <tbody>
            {answers.data.flatMap((answer) => {
              const name = label('service', answer.service);
              if ('error' in answer)
                return [
                  <tr key={answer.service} data-service={answer.service} data-part="error">
                    <th scope="row">{name}</th>
                    <td colSpan={4} className="alert">
                      {answer.error}
                    </td>
                  </tr>,
                ];
              const { store, projections } = answer.view;
              return [
                ...(store
                  ? [
                      <tr key={`${answer.service}-store`} data-service={answer.service} data-part="store">
                        <th scope="row">{name}</th>
                        <td>{t('outbox')}</td>
                        <td className="num" data-behind={store.unpublished}>
                          {number(store.unpublished)}
                        </td>
                        <td>{dateTime(store.lastRecordedAt)}</td>
                        <td>{state(store.unpublished)}</td>
                      </tr>,
                    ]
                  : []),
                ...projections.map((p) => (
                  <tr key={`${answer.service}-${p.projection}`} data-service={answer.service} data-part={p.projection}>
                    <th scope="row">{name}</th>
                    <td>{p.projection}</td>
                    <td className="num" data-behind={p.behind}>
                      {number(p.behind)}
                    </td>
                    <td>{dateTime(p.lastAppliedAt)}</td>
                    <td>{state(p.behind, p.deadLetters)}</td>
                  </tr>
                )),
              ];
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
