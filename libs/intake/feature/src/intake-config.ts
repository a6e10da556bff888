import { IsOptional, Matches } from 'class-validator';
import { ServiceConfig } from '@registry/platform';

/** Where intake asks identity's relay backlog before it calls a child unknown (identity-progress.ts). */
export class IntakeConfig extends ServiceConfig {
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(:\d+)?$/, { message: 'IDENTITY_URL must be a base URL like http://127.0.0.1:3001' })
  IDENTITY_URL = `http://127.0.0.1:${process.env['IDENTITY_PORT'] ?? 3001}`;
}
