import { ApiProperty } from '@nestjs/swagger';

export class PosyanduResponse {
  @ApiProperty({ description: 'The code measurements carry (posyanduCode)' }) readonly code!: string;
  @ApiProperty() readonly name!: string;
  @ApiProperty() readonly villageCode!: string;
  @ApiProperty() readonly districtCode!: string;
  @ApiProperty() readonly regencyCode!: string;
  @ApiProperty({ type: String, nullable: true }) readonly puskesmasCode!: string | null;
  @ApiProperty({ format: 'date-time' }) readonly updatedAt!: string;
}

export class PosyanduListResponse {
  @ApiProperty({ type: [PosyanduResponse] }) readonly items!: PosyanduResponse[];
}
