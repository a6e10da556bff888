import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { SponsorshipRuleViolation } from '@registry/sponsorship-domain';

/** 422 for a rule of the data, 409 for a rule of the history, 404 for an unknown sponsorship; body names the field. */
export function toHttpError(error: unknown): unknown {
  if (!(error instanceof SponsorshipRuleViolation)) return error;
  const body = { message: `${error.field}: ${error.message}`, field: error.field };
  if (error.kind === 'conflict') return new ConflictException(body);
  if (error.kind === 'not_found') return new NotFoundException(body);
  return new UnprocessableEntityException(body);
}

export const invalid = (field: string, message: string): UnprocessableEntityException =>
  new UnprocessableEntityException({ message: `${field}: ${message}`, field });
