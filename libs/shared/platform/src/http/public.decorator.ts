import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'registry:isPublic';

/** Marks a route as open to anyone (health, readiness). Every other route needs an explicit access rule. */
export const Public = (): ClassDecorator & MethodDecorator => SetMetadata(IS_PUBLIC, true);
