import { ApiProperty } from '@nestjs/swagger';

/** Where the child lives, with the names of the regions (null when the reference data lacks one). */
export class ResidenceResponse {
  @ApiProperty() readonly villageCode!: string;
  @ApiProperty({ type: String, nullable: true }) readonly villageName!: string | null;
  @ApiProperty() readonly districtCode!: string;
  @ApiProperty({ type: String, nullable: true }) readonly districtName!: string | null;
  @ApiProperty() readonly regencyCode!: string;
  @ApiProperty({ type: String, nullable: true }) readonly regencyName!: string | null;
}

export class MotherResponse {
  @ApiProperty() readonly name!: string;
  @ApiProperty({ type: String, nullable: true }) readonly nik!: string | null;
}

/** The address below the desa. */
export class StreetAddressResponse {
  @ApiProperty({ type: String, nullable: true }) readonly rt!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly rw!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly line!: string | null;
}

export class ChildPersonalDataResponse {
  @ApiProperty({ type: String, nullable: true }) readonly nik!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly familyCardNumber!: string | null;
  @ApiProperty() readonly name!: string;
  @ApiProperty({ type: MotherResponse }) readonly mother!: MotherResponse;
  @ApiProperty({ type: StreetAddressResponse }) readonly address!: StreetAddressResponse;
}

/** A child as the identity service shows it; every read of it is recorded as an access event. */
export class ChildResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ description: 'Send it as If-Match to correct the child' }) readonly version!: number;
  @ApiProperty({ enum: ['active', 'merged', 'died'] }) readonly status!: 'active' | 'merged' | 'died';
  @ApiProperty({ enum: ['male', 'female'] }) readonly sex!: 'male' | 'female';
  @ApiProperty({ format: 'date' }) readonly birthDate!: string;
  @ApiProperty({ type: Number, nullable: true }) readonly birthWeightGrams!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly birthLengthCm!: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) readonly diedOn!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) readonly mergedInto!: string | null;
  @ApiProperty({ format: 'date-time' }) readonly registeredAt!: string;
  @ApiProperty({ type: ResidenceResponse }) readonly residence!: ResidenceResponse;
  @ApiProperty({
    type: ChildPersonalDataResponse,
    nullable: true,
    description: 'null once erased (UU 27/2022)',
  })
  readonly personalData!: ChildPersonalDataResponse | null;
}
