import { IsOptional, Matches } from 'class-validator';
import { ServiceConfig } from '@registry/platform';

const URL_FORMAT = /^https?:\/\/[^\s/]+(:\d+)?$/;

/** Where the by-name list composes names (identity) and packages (interventions) from, with the caller's own rights. */
export class ReportingConfig extends ServiceConfig {
  @IsOptional()
  @Matches(URL_FORMAT, { message: 'IDENTITY_URL must be a base URL like http://127.0.0.1:3001' })
  IDENTITY_URL = `http://127.0.0.1:${process.env['IDENTITY_PORT'] ?? 3001}`;

  @IsOptional()
  @Matches(URL_FORMAT, { message: 'INTERVENTIONS_URL must be a base URL like http://127.0.0.1:3003' })
  INTERVENTIONS_URL = `http://127.0.0.1:${process.env['INTERVENTIONS_PORT'] ?? 3003}`;
}
