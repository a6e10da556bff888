import { Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, assertCanWriteAt, CurrentPrincipal, OutOfScopeError, type Principal } from '@registry/access';
import { uuidParam } from '@registry/platform';
import { EventStore } from '@registry/event-store';
import { findSponsor } from '../../infrastructure/sponsors';
import { PortalCredentials } from '../portal-credentials';

/** Portal tokens expire (DEV_TOKEN_TTL_SECONDS): the sponsor's TPPS hands out a fresh one. */
@ApiTags('sponsors')
@ApiBearerAuth()
@Controller('v1/sponsors')
export class IssuePortalTokenHttpController {
  constructor(
    private readonly store: EventStore,
    private readonly credentials: PortalCredentials,
  ) {}

  @Post(':id/portal-tokens')
  @Access('tpps', 'admin')
  @ApiOperation({ summary: 'A fresh portal token for a sponsor of your regency' })
  async issue(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id', 'a sponsor id')) id: string) {
    const sponsor = await findSponsor(this.store.pool, id);
    if (sponsor === null) throw new OutOfScopeError(`sponsor ${id}`);
    assertCanWriteAt(principal, { regencyCode: sponsor.regencyCode }, `sponsor ${id}`);
    return { sponsorId: id, portal: await this.credentials.issue(id) };
  }
}
