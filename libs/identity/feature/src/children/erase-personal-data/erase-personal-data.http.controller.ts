import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, actorOf, CurrentPrincipal, type Principal } from '@registry/access';
import { uuidParam } from '@registry/platform';
import { ChildWriter } from '../child-writer';
import { accessStreamId } from '../find-children/find-children.handler';
import { ReasonRequest } from '../reason.request.dto';

/**
 * Crypto-shredding: destroys the child's data key, so every version of its personal data becomes unreadable,
 * in the database and in every backup, while its events and the anonymous statistics stay as they were.
 */
@ApiTags('children')
@ApiBearerAuth()
@Controller('v1/children')
export class ErasePersonalDataHttpController {
  constructor(private readonly writer: ChildWriter) {}

  @Post(':id/erasure')
  @HttpCode(200)
  @Access('admin')
  @ApiOperation({ summary: 'Erase the personal data of a child for good (UU 27/2022 right to erasure)' })
  erase(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'a child id')) id: string,
    @Body() request: ReasonRequest,
  ) {
    return this.writer.store.withTransaction(async (session) => {
      const { state } = await this.writer.loadVisible(session, principal, id);
      await this.writer.vault.erase(session.client, id);
      await this.writer.projection.forgetLookups(session.client, id);
      await session.append(
        accessStreamId(id),
        [
          {
            type: 'child.personal-data-erased',
            data: { childId: id, reason: request.reason },
            subjectId: id,
            regencyCode: state.regencyCode,
            actor: actorOf(principal),
          },
        ],
        { expectedVersion: 'any' },
      );
      return { id, personalData: 'erased' };
    });
  }
}
