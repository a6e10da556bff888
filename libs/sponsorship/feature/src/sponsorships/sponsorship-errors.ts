import { UnprocessableEntityException } from '@nestjs/common';

export const invalid = (field: string, message: string): UnprocessableEntityException =>
  new UnprocessableEntityException({ message: `${field}: ${message}`, field });
