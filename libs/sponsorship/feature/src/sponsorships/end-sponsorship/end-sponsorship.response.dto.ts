import { ApiProperty } from '@nestjs/swagger';
import { SponsorshipResponse } from '../sponsorship.response.dto';

export class EndedSponsorshipResponse extends SponsorshipResponse {
  @ApiProperty({ type: String, nullable: true, description: 'What the sponsor is told in the portal' })
  readonly notice!: string | null;
}
