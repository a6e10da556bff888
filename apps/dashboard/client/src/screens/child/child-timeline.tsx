import { api } from '../../api';
import { Status } from '../../components/status';
import { useI18n } from '../../i18n';
import { useApi } from '../../use-api';

interface Timeline {
  readonly events: readonly {
    eventId: string;
    type: string;
    source: string;
    occurredAt: string;
    actor: { role: string } | null;
  }[];
  readonly verification: readonly { streamId: string; events: number; ok: boolean }[];
}

/** Every event of the child across the services, with the verdict of each stream's hash chain. */
export function ChildTimeline({ childId }: { childId: string }) {
  const { t, date } = useI18n();
  const timeline = useApi(() => api.get<Timeline>('reporting', `/v1/children/${childId}/timeline`), [childId]);
  return (
    <section aria-labelledby="timeline-title" className="panel">
      <h2 id="timeline-title">{t('timeline')}</h2>
      <Status loaded={timeline}>
        {(history) => {
          const intact = history.verification.every((stream) => stream.ok);
          return (
            <>
              <p className={intact ? 'ok' : 'alert'} data-testid="chain-verdict" data-intact={intact}>
                {intact ? t('chainOk') : t('chainBroken')} ({history.verification.length} stream)
              </p>
              <ol className="timeline">
                {history.events.map((event) => (
                  <li key={event.eventId}>
                    <time dateTime={event.occurredAt}>{date(event.occurredAt)}</time> <code>{event.type}</code> —{' '}
                    {event.source}
                    {event.actor ? ` (${event.actor.role})` : ''}
                  </li>
                ))}
              </ol>
            </>
          );
        }}
      </Status>
    </section>
  );
}
