import { PATH_METADATA } from '@nestjs/common/constants';
import { asyncApiDocument } from '@registry/contracts';
import type { ServiceConfig } from '../config/service-config';
import { IS_PUBLIC } from '../http/public.decorator';
import { AsyncApiController } from './asyncapi.controller';

describe('GET /asyncapi.json', () => {
  it("answers the registry's AsyncAPI document with the topics of the service's stack", () => {
    const controller = new AsyncApiController({ REGISTRY_STACK: 'main_3fa2c1' } as ServiceConfig);
    const document = controller.document();
    expect(document.channels.child.address).toBe('main_3fa2c1.child.v1');
    expect(document.components).toEqual(asyncApiDocument().components);
  });

  it('is public, at the root', () => {
    expect(Reflect.getMetadata(IS_PUBLIC, AsyncApiController)).toBe(true);
    expect(Reflect.getMetadata(PATH_METADATA, AsyncApiController.prototype.document)).toBe('asyncapi.json');
  });
});
