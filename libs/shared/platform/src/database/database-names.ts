/** Each service owns one database on the server named by DATABASE_URL: registry_<service> unless overridden. */
export function serviceDatabaseUrl(adminUrl: string, databaseName: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

export const defaultDatabaseName = (service: string): string => `registry_${service.replace(/-/g, '_')}`;
