import { ConfigurationError, loadConfig, ServiceConfig } from './service-config';
import { localServiceUrl, ServiceUrl } from './service-url';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
  KAFKA_BROKERS: '127.0.0.1:9092',
};

describe('loadConfig', () => {
  it('accepts a complete environment and applies defaults', () => {
    const config = loadConfig(ServiceConfig, { ...valid, PORT: '3001' });
    expect(config.PORT).toBe(3001);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.REGISTRY_STACK).toBe('registry');
  });

  it('names each missing variable and how to set it', () => {
    expect(() => loadConfig(ServiceConfig, {})).toThrow(ConfigurationError);
    try {
      loadConfig(ServiceConfig, {});
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('DATABASE_URL is required');
      expect(message).toContain('KAFKA_BROKERS is required');
    }
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number'],
    [{ PORT: '70000' }, 'PORT must be between 1 and 65535'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres:// URL'],
    [{ KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS must be a comma-separated list of host:port'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ REGISTRY_STACK: 'Registry-Test' }, 'REGISTRY_STACK must be a lower-case name'],
    [{ REGISTRY_STACK: '1st' }, 'REGISTRY_STACK must be a lower-case name'],
  ])('rejects a malformed setting %j', (override, expected) => {
    expect(() => loadConfig(ServiceConfig, { ...valid, ...override })).toThrow(expected);
  });
});

describe("ServiceUrl: another service's base URL", () => {
  class WithIdentity extends ServiceConfig {
    @ServiceUrl('IDENTITY_URL')
    IDENTITY_URL = localServiceUrl('NO_SUCH_PORT_VARIABLE', 3001);
  }

  it('defaults to the service on this machine and takes a base URL', () => {
    expect(loadConfig(WithIdentity, valid).IDENTITY_URL).toBe('http://127.0.0.1:3001');
    expect(loadConfig(WithIdentity, { ...valid, IDENTITY_URL: 'http://identity:3001' }).IDENTITY_URL).toBe(
      'http://identity:3001',
    );
  });

  it('refuses a URL with a path, naming the variable', () => {
    expect(() => loadConfig(WithIdentity, { ...valid, IDENTITY_URL: 'http://identity:3001/v1' })).toThrow(
      'IDENTITY_URL must be a base URL',
    );
  });
});
