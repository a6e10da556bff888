import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, actorOf, assertCanWriteAt, CurrentPrincipal, type Principal } from '@registry/access';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import type { Request } from 'express';
import { sponsorshipIn, sponsorshipView } from '../sponsorship-view';
import { SponsorshipWriter } from '../sponsorship-writer';
import { NoControlCharacters, uuidParam } from '@registry/platform';

export class EndSponsorshipRequest {
  @ApiProperty({ example: 'The sponsor withdrew at the Rembuk Stunting of 2025', description: 'The sponsor reads it' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must be text' })
  @NoControlCharacters()
  @Length(3, 500, { message: 'reason must be 3–500 characters: say why, without personal data' })
  reason: string;
}

@ApiTags('sponsorships')
@ApiBearerAuth()
@Controller('v1/sponsorships')
export class EndSponsorshipHttpController {
  constructor(private readonly writer: SponsorshipWriter) {}

  @Post(':id/end')
  @HttpCode(200)
  @Access('tpps', 'admin')
  @ApiOperation({ summary: 'End a sponsorship today; the reason becomes a notice the sponsor reads in the portal' })
  @ApiResponse({ status: 409, description: 'Already ended, or its months are all over' })
  end(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'a sponsorship id')) id: string,
    @Body() request: EndSponsorshipRequest,
    @Req() http: Request,
  ) {
    return this.writer.store.withTransaction(async (session) => {
      const place = await this.writer.findVisible(session.client, principal, id);
      assertCanWriteAt(principal, { regencyCode: place.regencyCode }, `sponsorship ${id}`);
      const { state } = await this.writer.execute(
        session,
        actorOf(principal),
        place.childId,
        { type: 'EndSponsorship', data: { sponsorshipId: id, reason: request.reason } },
        { correlationId: String(http.id) },
      );
      const sponsorship = sponsorshipIn(state, id);
      return { ...sponsorshipView(sponsorship, this.writer.today()), notice: sponsorship.ended?.notice ?? null };
    });
  }
}
