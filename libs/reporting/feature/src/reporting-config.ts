import { localServiceUrl, ServiceConfig, ServiceUrl } from '@registry/platform';

/** Where the by-name list composes names (identity) and packages (interventions) from, with the caller's own rights. */
export class ReportingConfig extends ServiceConfig {
  @ServiceUrl('IDENTITY_URL')
  IDENTITY_URL = localServiceUrl('IDENTITY_PORT', 3001);

  @ServiceUrl('INTERVENTIONS_URL')
  INTERVENTIONS_URL = localServiceUrl('INTERVENTIONS_PORT', 3003);
}
