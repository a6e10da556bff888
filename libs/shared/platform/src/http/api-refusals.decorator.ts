import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from './error-response.dto';

/** What each refusal means when a route does not say it in its own words. */
const MEANING: Readonly<Record<number, string>> = {
  400: 'Malformed request: a field, parameter or the body itself (see fields)',
  401: 'Credentials missing, expired or wrong',
  403: 'The role may not do this, or not in this wilayah',
  404: 'Not found, or not in the caller’s wilayah',
  409: 'Conflicts with the current state of the record',
  412: 'If-Match is missing or is not a version',
  413: 'The body is larger than the limit',
  415: 'The body is not JSON',
  422: 'Well-formed, but breaks a rule of the registry (see field)',
  503: 'Not possible now, nothing was written: send it again later (Retry-After)',
};

/** The generic meaning of a refusal status. */
/** Documents the refusals a route can give, each with the common error body; the route's own words first. */
export function ApiRefusals(...refusals: Array<number | { status: number; description: string }>): MethodDecorator {
  return applyDecorators(
    ...refusals.map((refusal) => {
      const { status, description } =
        typeof refusal === 'number' ? { status: refusal, description: refusalMeaning(refusal) } : refusal;
      return ApiResponse({ status, description, type: ErrorResponse });
    }),
  );
}

export const refusalMeaning = (status: number): string => MEANING[status] ?? 'Refused';
