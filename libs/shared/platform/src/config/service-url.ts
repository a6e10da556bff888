import { applyDecorators } from '@nestjs/common';
import { IsOptional, Matches } from 'class-validator';

/**
 * A setting naming another service's base URL (IDENTITY_URL, …): optional, and when given a base URL, else the
 * service stops naming the variable. Its default is the service on this machine, at the port the stack gives it.
 */
export const ServiceUrl = (variable: string) =>
  applyDecorators(
    IsOptional(),
    Matches(/^https?:\/\/[^\s/]+(:\d+)?$/, {
      message: `${variable} must be a base URL (scheme, host, port; no path), e.g. http://127.0.0.1:3001`,
    }),
  );

/** `http://127.0.0.1:<port>`, the port from `portVariable` (scripts/stack.sh) or the service's default. */
export const localServiceUrl = (portVariable: string, defaultPort: number): string =>
  `http://127.0.0.1:${process.env[portVariable] ?? defaultPort}`;
