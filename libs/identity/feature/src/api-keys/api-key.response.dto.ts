import { ApiProperty } from '@nestjs/swagger';

/** A key as listed: its name and dates, never its secret. */
export class ApiKeyResponse {
  @ApiProperty() readonly keyId!: string;
  @ApiProperty() readonly name!: string;
  @ApiProperty() readonly regencyCode!: string;
  @ApiProperty({ format: 'date-time' }) readonly createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly revokedAt!: string | null;
}

export class ApiKeysResponse {
  @ApiProperty({ type: [ApiKeyResponse] }) readonly items!: ApiKeyResponse[];
}

/** A key just issued: the secret is in this answer only. */
export class IssuedApiKeyResponse {
  @ApiProperty() readonly keyId!: string;
  @ApiProperty() readonly name!: string;
  @ApiProperty() readonly regencyCode!: string;
  @ApiProperty({ description: 'The secret: send it in the header named below; it is not shown again' })
  readonly apiKey!: string;
  @ApiProperty({ example: 'x-api-key' }) readonly header!: string;
}

export class RevokedApiKeyResponse {
  @ApiProperty() readonly keyId!: string;
  @ApiProperty({ format: 'date-time' }) readonly revokedAt!: string;
}
