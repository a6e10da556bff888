/**
 * Each service owns one database on the server named by DATABASE_URL: <stack>_<service>, the stack `registry`
 * unless REGISTRY_STACK says otherwise (scripts/stack.sh), or DATABASE_NAME outright.
 */
export function serviceDatabaseUrl(adminUrl: string, databaseName: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

export const defaultDatabaseName = (service: string, stack = 'registry'): string =>
  `${stack}_${service.replace(/-/g, '_')}`;
