import { deciderSpecification } from '@registry/contracts';
import { decideSponsor, foldSponsor, type SponsorCommand } from './sponsor';

const register: SponsorCommand = {
  type: 'RegisterSponsor',
  data: {
    sponsorId: '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e60',
    type: 'company',
    regencyCode: '36.03',
    personalDataVersion: 1,
    personalDataHash: 'ab'.repeat(32),
  },
};

/** Given a sponsor's history, when it is registered: the event, or the rule it breaks. */
const given = deciderSpecification({ decide: decideSponsor, fold: foldSponsor });

describe('sponsor decider', () => {
  it('registers a sponsor once, naming its sealed personal data by version and hash', () => {
    given()
      .when(register)
      .then([{ type: 'sponsor.registered', data: register.data }]);
    given({ type: 'sponsor.registered', data: register.data })
      .when(register)
      .thenRejects('conflict', 'sponsorId', /already registered/);
  });
});
