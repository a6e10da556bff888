import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** An import's id in a path: a UUID, or 400 saying so. */
export const importIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('id must be an import id (UUID), as the upload answered it'),
});
