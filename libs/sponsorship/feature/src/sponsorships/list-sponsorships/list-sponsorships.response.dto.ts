import { ApiProperty } from '@nestjs/swagger';
import { SponsorshipResponse } from '../sponsorship.response.dto';

export class ListedSponsorshipResponse extends SponsorshipResponse {
  @ApiProperty({ type: String, nullable: true }) readonly sponsorType!: string | null;
}

export class SponsorshipsResponse {
  @ApiProperty({ format: 'date' }) readonly asOf!: string;
  @ApiProperty({ type: String, nullable: true }) readonly regencyCode!: string | null;
  @ApiProperty({ type: [ListedSponsorshipResponse] }) readonly items!: ListedSponsorshipResponse[];
}
