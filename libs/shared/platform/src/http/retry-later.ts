import { ArgumentsHost, Catch, ServiceUnavailableException, type ExceptionFilter } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';

/**
 * 503 with Retry-After: the request is fine and may succeed later (what it names has not reached this service yet).
 * Nothing was written, so sending it again, with the same Idempotency-Key, is safe.
 */
export class RetryLaterException extends ServiceUnavailableException {
  constructor(
    readonly retryAfterSeconds: number,
    body: { readonly message: string; readonly field?: string },
  ) {
    super({ ...body, retryAfterSeconds });
  }
}

/** Sets the Retry-After header of a RetryLaterException, then answers it as Nest answers any HttpException. */
@Catch(RetryLaterException)
export class RetryLaterFilter extends BaseExceptionFilter implements ExceptionFilter {
  override catch(error: RetryLaterException, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(error.retryAfterSeconds));
    super.catch(error, host);
  }
}
