import { defaultDatabaseName, serviceDatabaseUrl } from './database-names';

describe('service database names', () => {
  it('are <stack>_<service>, the stack registry unless another is given', () => {
    expect(defaultDatabaseName('identity')).toBe('registry_identity');
    expect(defaultDatabaseName('identity', 'main_3fa2c1_e2e')).toBe('main_3fa2c1_e2e_identity');
  });

  it('replace the admin URL database, keeping its server and credentials', () => {
    expect(serviceDatabaseUrl('postgres://postgres@127.0.0.1:5432/postgres', 'registry_intake')).toBe(
      'postgres://postgres@127.0.0.1:5432/registry_intake',
    );
  });
});
