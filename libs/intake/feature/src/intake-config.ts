import { localServiceUrl, ServiceConfig, ServiceUrl } from '@registry/platform';

/** Where intake asks identity's relay backlog before it calls a child unknown (identity-progress.ts). */
export class IntakeConfig extends ServiceConfig {
  @ServiceUrl('IDENTITY_URL')
  IDENTITY_URL = localServiceUrl('IDENTITY_PORT', 3001);
}
