import type { BootstrapOptions } from '@registry/platform';

/** Who this service is: its name and port, and the title and description its OpenAPI document gives. */
export const service: BootstrapOptions = {
  name: 'reporting',
  title: 'Reporting service',
  description:
    'Prevalence and coverage per wilayah and period, by-name lists, and the auditable history of every child.',
  defaultPort: 3005,
};
