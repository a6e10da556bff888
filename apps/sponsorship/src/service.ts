import type { BootstrapOptions } from '@registry/platform';

/** Who this service is: its name and port, and the title and description its OpenAPI document gives. */
export const service: BootstrapOptions = {
  name: 'sponsorship',
  title: 'Orang Tua Asuh sponsorship service',
  description:
    'Sponsors (Orang Tua Asuh), pledges, contributions, and a sponsor portal that never exposes the identity of the child.',
  defaultPort: 3004,
};
