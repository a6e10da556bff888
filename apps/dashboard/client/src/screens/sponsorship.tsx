import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { DistrictSelect } from '../components/district-select';
import { Status } from '../components/status';
import { useI18n } from '../i18n';
import { useApi } from '../use-api';

interface Sponsorship {
  readonly id: string;
  readonly childId: string;
  readonly status: string;
  readonly commitment: { kind: string; description: string; amountIdr: number | null; startOn: string; months: number };
  readonly fulfilment: { contributedIdr: number; contributions: number; monthsWithoutContribution: number };
}
interface Candidate {
  readonly childId: string;
  readonly [field: string]: unknown;
}

/** Orang Tua Asuh: priority children still without a foster parent, and the sponsorships with what they gave. */
export default function SponsorshipScreen() {
  const { t, number, rupiah, date } = useI18n();
  const sponsorships = useApi(() => api.get<{ items: Sponsorship[] }>('sponsorship', '/v1/sponsorships'), []);
  const [district, setDistrict] = useState('');
  const candidates = useApi(
    async () =>
      district
        ? api.get<{ items: Candidate[] }>('sponsorship', '/v1/sponsorships/candidates', { districtCode: district })
        : null,
    [district],
  );
  return (
    <section aria-labelledby="sponsorship-title">
      <h1 id="sponsorship-title">{t('navSponsorship')}</h1>
      <h2>{t('candidates')}</h2>
      <div className="filters">
        <DistrictSelect allowAll={false} value={district} onChange={setDistrict} />
      </div>
      <Status loaded={candidates}>
        {(answer) => (
          <>
            <p data-testid="candidates-count">
              {number(answer?.items.length ?? 0)} {t('childrenCount')}
            </p>
            <ul className="columns">
              {(answer?.items ?? []).slice(0, 200).map((candidate) => (
                <li key={candidate.childId}>
                  <Link to={`/anak/${candidate.childId}`}>{candidate.childId.slice(0, 8)}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </Status>
      <h2>{t('sponsorships')}</h2>
      <Status loaded={sponsorships}>
        {({ items }) => (
          <table className="data" data-testid="sponsorships-table">
            <thead>
              <tr>
                <th scope="col">{t('childTitle')}</th>
                <th scope="col">{t('commitment')}</th>
                <th scope="col">{t('plannedOn')}</th>
                <th scope="col" className="num">
                  {t('contributions')}
                </th>
                <th scope="col" className="num">
                  Rp
                </th>
                <th scope="col">{t('status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id} data-sponsorship-id={s.id}>
                  <th scope="row">
                    <Link to={`/anak/${s.childId}`}>{s.childId.slice(0, 8)}</Link>
                  </th>
                  <td>{s.commitment.description}</td>
                  <td>
                    {date(s.commitment.startOn)} · {number(s.commitment.months)} {t('months')}
                  </td>
                  <td className="num">{number(s.fulfilment.contributions)}</td>
                  <td className="num">{rupiah(s.fulfilment.contributedIdr)}</td>
                  <td>{s.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Status>
    </section>
  );
}
