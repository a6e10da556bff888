import { api } from '../../api';
import { Status } from '../../components/status';
import { useI18n } from '../../i18n';
import { useApi } from '../../use-api';

interface ChildSponsorship {
  readonly id: string;
  readonly childId: string;
  readonly status: string;
  readonly commitment: { description: string; startOn: string; months: number };
  readonly fulfilment: { contributedIdr: number; contributions: number };
}

/** The Orang Tua Asuh commitments for this child, and what has been given. */
export function ChildSponsorships({ childId }: { childId: string }) {
  const { t, date, rupiah } = useI18n();
  const sponsorships = useApi(
    async () =>
      (await api.get<{ items: ChildSponsorship[] }>('sponsorship', '/v1/sponsorships')).items.filter(
        (s) => s.childId === childId,
      ),
    [childId],
  );
  return (
    <section aria-labelledby="sponsor-title" className="panel">
      <h2 id="sponsor-title">{t('sponsorshipOfChild')}</h2>
      <Status loaded={sponsorships}>
        {(list) =>
          list.length === 0 ? (
            <p data-testid="child-sponsorships">{t('none')}</p>
          ) : (
            <ul data-testid="child-sponsorships">
              {list.map((s) => (
                <li key={s.id}>
                  {s.commitment.description} — {date(s.commitment.startOn)}, {s.commitment.months} {t('months')} ·{' '}
                  {s.status} · {t('contributions')}: {s.fulfilment.contributions} ({rupiah(s.fulfilment.contributedIdr)}
                  )
                </li>
              ))}
            </ul>
          )
        }
      </Status>
    </section>
  );
}
