import {
  Module,
  type ClassProvider,
  type DynamicModule,
  type ExistingProvider,
  type FactoryProvider,
  type ModuleMetadata,
  type Provider,
  type Type,
  type ValueProvider,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import type { ApiKeyStore } from './api-key';
import { authSettingsFrom, type AuthSettings } from './auth-settings';
import { Authenticator } from './authenticator';
import { JwtVerifier } from './jwt-verifier';
import { requireConfigured } from './settings';

/** Injection token of the service's ApiKeyStore. */
export const API_KEY_STORE = Symbol('ApiKeyStore');
const AUTH_SETTINGS = Symbol('AuthSettings');

type Without<P> = Omit<P, 'provide'>;
export type ApiKeyStoreProvider =
  | Type<ApiKeyStore>
  | Without<ClassProvider<ApiKeyStore>>
  | Without<ValueProvider<ApiKeyStore>>
  | Without<FactoryProvider<ApiKeyStore>>
  | Without<ExistingProvider<ApiKeyStore>>;

export interface AccessModuleOptions {
  readonly apiKeyStore: ApiKeyStoreProvider;
  /** Modules the store's dependencies come from, when they are not global. */
  readonly imports?: ModuleMetadata['imports'];
  /** Read when the app is created; defaults to process.env. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Authentication and the deny-by-default guard for every route of the service. Import once in the app module;
 * wrong AUTH_* settings stop the service at start with a message naming the variable.
 */
@Module({})
export class AccessModule {
  static forRoot(options: AccessModuleOptions): DynamicModule {
    const storeProvider: Provider =
      typeof options.apiKeyStore === 'function'
        ? { provide: API_KEY_STORE, useClass: options.apiKeyStore }
        : { provide: API_KEY_STORE, ...options.apiKeyStore };
    return {
      module: AccessModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: AUTH_SETTINGS, useFactory: () => requireConfigured(authSettingsFrom(options.env ?? process.env)) },
        storeProvider,
        {
          provide: JwtVerifier,
          inject: [AUTH_SETTINGS],
          useFactory: (settings: AuthSettings) => new JwtVerifier(settings),
        },
        {
          provide: Authenticator,
          inject: [JwtVerifier, API_KEY_STORE],
          useFactory: (verifier: JwtVerifier, store: ApiKeyStore) => new Authenticator(verifier, store),
        },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [API_KEY_STORE, Authenticator],
    };
  }
}
