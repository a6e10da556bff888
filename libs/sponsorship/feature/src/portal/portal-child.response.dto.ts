import { ApiProperty } from '@nestjs/swagger';
import { SPONSORSHIP_STATUSES } from '@registry/sponsorship-domain';
import { CommitmentResponse, FulfilmentResponse } from '../sponsorships/sponsorship.response.dto';
import { ContributionItemResponse } from '../sponsorships/record-contribution/record-contribution.response.dto';

export class PortalZScoresResponse {
  @ApiProperty({ type: Number, nullable: true }) readonly heightForAge!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly weightForAge!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly weightForHeight!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly bmiForAge!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly headCircumferenceForAge!: number | null;
}

export class PortalClassificationResponse {
  @ApiProperty({ example: 'stunted' }) readonly code!: string;
  @ApiProperty({ example: 'Pendek' }) readonly label!: string;
}

export class PortalClassificationsResponse {
  @ApiProperty({ type: PortalClassificationResponse, nullable: true })
  readonly heightForAge!: PortalClassificationResponse | null;
  @ApiProperty({ type: PortalClassificationResponse, nullable: true })
  readonly weightForAge!: PortalClassificationResponse | null;
  @ApiProperty({ type: PortalClassificationResponse, nullable: true })
  readonly weightForHeight!: PortalClassificationResponse | null;
}

/** The KMS's words, without the grams. */
export class PortalWeightGainResponse {
  @ApiProperty({ enum: ['N', 'T', 'O', 'B'] }) readonly judgement!: 'N' | 'T' | 'O' | 'B';
  @ApiProperty() readonly consecutiveT!: number;
}

export class PortalGrowthResponse {
  @ApiProperty({ format: 'date' }) readonly measuredOn!: string;
  @ApiProperty() readonly ageMonths!: number;
  @ApiProperty({ type: PortalZScoresResponse }) readonly zScores!: PortalZScoresResponse;
  @ApiProperty({ type: PortalClassificationsResponse }) readonly classifications!: PortalClassificationsResponse;
  @ApiProperty({ description: 'A value implausible for its index (WHO flags)' }) readonly implausible!: boolean;
  @ApiProperty({ type: PortalWeightGainResponse, nullable: true })
  readonly weightGain!: PortalWeightGainResponse | null;
  @ApiProperty({ description: 'Below the red line of the KMS' }) readonly bgm!: boolean;
}

export class PortalCaseResponse {
  @ApiProperty() readonly type!: string;
  @ApiProperty() readonly severity!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) readonly status!: string;
  @ApiProperty({ format: 'date' }) readonly openedOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) readonly closedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly closeReason!: string | null;
}

export class PortalInterventionResponse {
  @ApiProperty() readonly type!: string;
  @ApiProperty() readonly category!: string;
  @ApiProperty({ format: 'date' }) readonly deliveredOn!: string;
}

export class PortalContributionResponse {
  @ApiProperty({ format: 'date' }) readonly date!: string;
  @ApiProperty({ type: Number, nullable: true }) readonly amountIdr!: number | null;
  @ApiProperty({ type: [ContributionItemResponse], nullable: true }) readonly items!: ContributionItemResponse[] | null;
  @ApiProperty({ type: String, nullable: true }) readonly evidenceRef!: string | null;
}

export class PortalNoticeResponse {
  @ApiProperty({ enum: ['ended', 'transferred'] }) readonly kind!: 'ended' | 'transferred';
  @ApiProperty({ format: 'date' }) readonly on!: string;
  @ApiProperty() readonly text!: string;
}

/** One of this sponsor's own sponsorships of the child. */
export class PortalSponsorshipResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ enum: SPONSORSHIP_STATUSES }) readonly status!: string;
  @ApiProperty({ type: CommitmentResponse }) readonly commitment!: CommitmentResponse;
  @ApiProperty() readonly agreementRef!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) readonly endedOn!: string | null;
  @ApiProperty({ type: FulfilmentResponse }) readonly fulfilment!: FulfilmentResponse;
  @ApiProperty({ type: [PortalContributionResponse] }) readonly contributions!: PortalContributionResponse[];
  @ApiProperty({ type: [PortalNoticeResponse] }) readonly notices!: PortalNoticeResponse[];
}

/** A child as its sponsor sees it: a pseudonym, never who the child is. */
export class PortalChildResponse {
  @ApiProperty({ description: 'The id the portal gives the child' }) readonly id!: string;
  @ApiProperty({ example: 'Anak #1' }) readonly pseudonym!: string;
  @ApiProperty({ format: 'date', description: 'The last day the sponsor may see' }) readonly asOf!: string;
  @ApiProperty({ type: String, enum: ['male', 'female'], nullable: true }) readonly sex!: 'male' | 'female' | null;
  @ApiProperty({ type: Number, nullable: true }) readonly ageMonths!: number | null;
  @ApiProperty({ type: String, nullable: true }) readonly kecamatan!: string | null;
  @ApiProperty({ type: [PortalGrowthResponse] }) readonly growth!: PortalGrowthResponse[];
  @ApiProperty({ type: [PortalCaseResponse] }) readonly cases!: PortalCaseResponse[];
  @ApiProperty({ type: [PortalInterventionResponse] }) readonly interventions!: PortalInterventionResponse[];
  @ApiProperty({ type: [PortalSponsorshipResponse] }) readonly sponsorships!: PortalSponsorshipResponse[];
}

export class PortalChildrenResponse {
  @ApiProperty({ type: [PortalChildResponse] }) readonly items!: PortalChildResponse[];
}
