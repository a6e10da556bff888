import { Global, Module } from '@nestjs/common';
import { personalDataMasterKeyFrom, requireConfigured } from '@registry/access';
import { loadRegions } from '@registry/reference-data';
import { Regions } from '@registry/regions';
import { CLOCK } from '@registry/contracts';
import { SponsorPersonalDataVault } from './infrastructure/sponsor-personal-data-vault';
import { SponsorshipReadModel } from './infrastructure/sponsorship.read-model';
import { PortalChildrenHandler } from './portal/portal-children.handler';
import { PortalChildrenHttpController } from './portal/portal-children.http.controller';
import { PortalRefs } from './portal/portal-refs';
import { IssuePortalTokenHandler } from './sponsors/issue-portal-token/issue-portal-token.handler';
import { IssuePortalTokenHttpController } from './sponsors/issue-portal-token/issue-portal-token.http.controller';
import { PortalCredentials } from './sponsors/portal-credentials';
import { ReadSponsorHandler } from './sponsors/read-sponsor/read-sponsor.handler';
import { ReadSponsorHttpController } from './sponsors/read-sponsor/read-sponsor.http.controller';
import { RegisterSponsorHandler } from './sponsors/register-sponsor/register-sponsor.handler';
import { RegisterSponsorHttpController } from './sponsors/register-sponsor/register-sponsor.http.controller';
import { EndSponsorshipHandler } from './sponsorships/end-sponsorship/end-sponsorship.handler';
import { EndSponsorshipHttpController } from './sponsorships/end-sponsorship/end-sponsorship.http.controller';
import { FollowChildPolicy } from './sponsorships/follow-child/follow-child.policy';
import { ListCandidatesHandler } from './sponsorships/list-candidates/list-candidates.handler';
import { ListCandidatesHttpController } from './sponsorships/list-candidates/list-candidates.http.controller';
import { ListSponsorshipsHandler } from './sponsorships/list-sponsorships/list-sponsorships.handler';
import { ListSponsorshipsHttpController } from './sponsorships/list-sponsorships/list-sponsorships.http.controller';
import { PledgeHandler } from './sponsorships/pledge/pledge.handler';
import { PledgeHttpController } from './sponsorships/pledge/pledge.http.controller';
import { RecordContributionHandler } from './sponsorships/record-contribution/record-contribution.handler';
import { RecordContributionHttpController } from './sponsorships/record-contribution/record-contribution.http.controller';
import { SponsorshipReads } from './sponsorships/sponsorship-reads';
import { SponsorshipWriter } from './sponsorships/sponsorship-writer';

const MASTER_KEY = Symbol('PII_MASTER_KEY');

/**
 * The Orang Tua Asuh sponsorship service: sponsors, pledges, contributions, the TPPS's lists and the sponsor
 * portal. Global because the Kafka-fed KnownChildrenProjection, created by the EventSourcingModule, needs the
 * FollowChildPolicy to end or move sponsorships when a child dies, moves or is merged.
 */
@Global()
@Module({
  controllers: [
    RegisterSponsorHttpController,
    ReadSponsorHttpController,
    IssuePortalTokenHttpController,
    // Literal routes before `:id`: Express matches in registration order.
    ListCandidatesHttpController,
    ListSponsorshipsHttpController,
    PledgeHttpController,
    RecordContributionHttpController,
    EndSponsorshipHttpController,
    PortalChildrenHttpController,
  ],
  providers: [
    { provide: CLOCK, useValue: () => new Date() },
    { provide: Regions, useFactory: () => loadRegions() },
    { provide: MASTER_KEY, useFactory: () => requireConfigured(personalDataMasterKeyFrom(process.env)) },
    {
      provide: SponsorPersonalDataVault,
      inject: [MASTER_KEY],
      useFactory: (key: Buffer) => new SponsorPersonalDataVault(key),
    },
    { provide: PortalRefs, inject: [MASTER_KEY], useFactory: (key: Buffer) => new PortalRefs(key) },
    { provide: SponsorshipReadModel, useValue: new SponsorshipReadModel() },
    SponsorshipWriter,
    SponsorshipReads,
    FollowChildPolicy,
    PortalCredentials,
    RegisterSponsorHandler,
    IssuePortalTokenHandler,
    EndSponsorshipHandler,
    ReadSponsorHandler,
    PledgeHandler,
    RecordContributionHandler,
    ListSponsorshipsHandler,
    ListCandidatesHandler,
    PortalChildrenHandler,
  ],
  exports: [FollowChildPolicy],
})
export class SponsorshipModule {}
