import { DynamicModule, Module } from '@nestjs/common';
import { loadConfig, ServiceConfig } from './service-config';

/** Validates the environment when the app is created and offers the result as ServiceConfig (and its subclass). */
@Module({})
export class ServiceConfigModule {
  static forRoot(type: new () => ServiceConfig = ServiceConfig): DynamicModule {
    const providers = [
      { provide: ServiceConfig, useFactory: () => loadConfig(type) },
      ...(type === ServiceConfig ? [] : [{ provide: type, useExisting: ServiceConfig }]),
    ];
    return {
      module: ServiceConfigModule,
      global: true,
      providers,
      exports: providers.map((p) => p.provide),
    };
  }
}
