import { Controller, Get, Param, ParseUUIDPipe, Query, Req, UnprocessableEntityException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, PersonalData, type Principal } from '@registry/access';
import type { Request } from 'express';
import { ApiRefusals } from '@registry/platform';
import { FindChildrenHandler } from './find-children.handler';
import { FindChildrenQuery } from './find-children.query.dto';
import { FindChildrenResponse } from './find-children.response.dto';
import { ChildResponse } from '../child.response.dto';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new UnprocessableEntityException('id must be a child id (UUID)'),
});

@ApiTags('children')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/children')
export class FindChildrenHttpController {
  constructor(private readonly handler: FindChildrenHandler) {}

  @Get()
  @Access('integration', 'kader', 'puskesmas', 'tpps', 'admin')
  @PersonalData()
  @ApiOperation({
    summary: 'Find by NIK or by ids, or search a desa by name; each child shown is recorded as an access event',
  })
  @ApiOkResponse({ type: FindChildrenResponse })
  @ApiRefusals({ status: 422, description: 'None of nik, ids or villageCode was given' })
  async find(@CurrentPrincipal() principal: Principal, @Query() query: FindChildrenQuery, @Req() http: Request) {
    if (query.nik) return { items: await this.handler.byNik(principal, query.nik, endpointOf(http)) };
    if (query.ids) return { items: await this.handler.byIds(principal, query.ids, endpointOf(http)) };
    if (query.villageCode)
      return { items: await this.handler.search(principal, query.villageCode, query.name, endpointOf(http)) };
    throw new UnprocessableEntityException('give nik=…, ids=…, or villageCode=… (optionally with name=…)');
  }

  @Get(':id')
  @Access('integration', 'kader', 'puskesmas', 'tpps', 'admin')
  @PersonalData()
  @ApiOperation({ summary: 'A child with its personal data; the read is recorded as an access event' })
  @ApiOkResponse({ type: ChildResponse })
  @ApiRefusals(404, { status: 422, description: 'id is not a UUID' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string, @Req() http: Request) {
    return this.handler.byId(principal, id, endpointOf(http));
  }
}

/** The route, without query values: they may hold a NIK or a name. */
const endpointOf = (http: Request): string => `${http.method} ${http.route?.path ?? http.path}`;
