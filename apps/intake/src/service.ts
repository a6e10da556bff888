import type { BootstrapOptions } from '@registry/platform';

/** Who this service is: its name and port, and the title and description its OpenAPI document gives. */
export const service: BootstrapOptions = {
  name: 'intake',
  title: 'Measurement intake service',
  description:
    'Weighing-day measurements from every posyandu, judged by the WHO Child Growth Standards (Permenkes 2/2020).',
  defaultPort: 3002,
};
