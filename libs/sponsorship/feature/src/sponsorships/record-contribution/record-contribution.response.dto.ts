import { ApiProperty } from '@nestjs/swagger';
import { FulfilmentResponse } from '../sponsorship.response.dto';

export class ContributionItemResponse {
  @ApiProperty() readonly name!: string;
  @ApiProperty() readonly quantity!: number;
  @ApiProperty() readonly unit!: string;
}

/** The contribution recorded, and the fulfilment of the sponsorship after it. */
export class ContributionResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ format: 'uuid' }) readonly sponsorshipId!: string;
  @ApiProperty({ format: 'date' }) readonly date!: string;
  @ApiProperty({ type: Number, nullable: true }) readonly amountIdr!: number | null;
  @ApiProperty({ type: [ContributionItemResponse], nullable: true }) readonly items!: ContributionItemResponse[] | null;
  @ApiProperty({ type: String, nullable: true }) readonly evidenceRef!: string | null;
  @ApiProperty({ type: FulfilmentResponse }) readonly fulfilment!: FulfilmentResponse;
}
