/**
 * Each service owns one database on the server named by DATABASE_URL: <prefix>_<service>, the prefix `registry`
 * unless DATABASE_PREFIX says otherwise (the test run's stack keeps its own), or DATABASE_NAME outright.
 */
export function serviceDatabaseUrl(adminUrl: string, databaseName: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

export const defaultDatabaseName = (service: string, prefix = 'registry'): string =>
  `${prefix}_${service.replace(/-/g, '_')}`;
