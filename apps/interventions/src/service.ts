import type { BootstrapOptions } from '@registry/platform';

/** Who this service is: its name and port, and the title and description its OpenAPI document gives. */
export const service: BootstrapOptions = {
  name: 'interventions',
  title: 'Intervention tracking service',
  description: 'A case for every child found stunted or wasted, and the convergence of the intervention package.',
  defaultPort: 3003,
};
