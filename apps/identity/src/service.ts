import { E_PPGBM_UPLOAD } from '@registry/identity-feature';
import type { BootstrapOptions } from '@registry/platform';

/** Who this service is: its name and port, and the title and description its OpenAPI document gives. */
export const service: BootstrapOptions = {
  name: 'identity',
  title: 'Child identity service',
  description:
    'One record per real child: registration, NIK checks, duplicates, corrections, moves. Personal data stays here, encrypted.',
  defaultPort: 3001,
  fileBodies: [E_PPGBM_UPLOAD],
};
