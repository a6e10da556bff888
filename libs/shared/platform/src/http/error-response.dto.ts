import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One field of a refused body or query and what was wrong with it (the validation pipe's `fields`). */
export class FieldProblemResponse {
  @ApiProperty({ example: 'birthDate' })
  readonly field!: string;

  @ApiProperty({ type: [String], example: ['birthDate must be a calendar date, YYYY-MM-DD'] })
  readonly problems!: string[];
}

/**
 * The body of every 4xx (and 503) answer: a rule violation is `{ message, field, ...details }`, a refused body or
 * query `{ statusCode, error, message, fields }`, an access refusal `{ statusCode, error, message }`.
 */
export class ErrorResponse {
  @ApiProperty({ description: 'What is wrong and what to send instead', example: 'nik: already registered' })
  readonly message!: string;

  @ApiPropertyOptional({ description: 'The HTTP status, repeated (access and validation refusals)', example: 400 })
  readonly statusCode?: number;

  @ApiPropertyOptional({ description: 'The status text, e.g. Bad Request', example: 'Bad Request' })
  readonly error?: string;

  @ApiPropertyOptional({ description: 'The one field to fix (a rule violation)', example: 'nik' })
  readonly field?: string;

  @ApiPropertyOptional({ description: 'Every field to fix (a refused body or query)', type: [FieldProblemResponse] })
  readonly fields?: FieldProblemResponse[];

  @ApiPropertyOptional({ description: 'With 503: when to send the request again (also in Retry-After)' })
  readonly retryAfterSeconds?: number;
}
