import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SPONSOR_TYPES } from '@registry/sponsorship-domain';

export class SponsorPersonalDataResponse {
  @ApiProperty() readonly name!: string;
  @ApiProperty() readonly contact!: string;
}

export class SponsorResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ enum: SPONSOR_TYPES }) readonly type!: string;
  @ApiProperty() readonly regencyCode!: string;
  @ApiProperty({ format: 'date-time' }) readonly registeredAt!: string;
  @ApiProperty({ type: SponsorPersonalDataResponse, nullable: true, description: 'null once erased' })
  readonly personalData!: SponsorPersonalDataResponse | null;
}

/** How the sponsor signs in to the portal: a token of the registry's own, or the identity provider's account. */
export class PortalAccessResponse {
  @ApiProperty({ enum: ['token', 'identity-provider'] }) readonly kind!: 'token' | 'identity-provider';
  @ApiPropertyOptional({ enum: ['sponsor'], description: 'token' }) readonly role?: 'sponsor';
  @ApiPropertyOptional({ description: 'token: the bearer token of the portal' }) readonly token?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'token' }) readonly expiresAt?: string;
  @ApiPropertyOptional({ description: 'identity-provider: what to tell the sponsor' }) readonly instructions?: string;
}

/** The sponsor registered, with its portal credentials (fresh on every answer: they are never stored). */
export class RegisteredSponsorResponse {
  @ApiProperty({ format: 'uuid' }) readonly sponsorId!: string;
  @ApiProperty({ enum: SPONSOR_TYPES }) readonly type!: string;
  @ApiProperty() readonly regencyCode!: string;
  @ApiProperty({ type: PortalAccessResponse }) readonly portal!: PortalAccessResponse;
}

export class PortalTokenResponse {
  @ApiProperty({ format: 'uuid' }) readonly sponsorId!: string;
  @ApiProperty({ type: PortalAccessResponse }) readonly portal!: PortalAccessResponse;
}
