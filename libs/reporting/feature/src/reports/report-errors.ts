import { UnprocessableEntityException } from '@nestjs/common';

export const invalidRegion = (regionCode: string) =>
  new UnprocessableEntityException({
    message: `regionCode: ${regionCode} is not a known Kemendagri region code`,
    field: 'regionCode',
  });
