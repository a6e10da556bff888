import { Client } from 'pg';

/** Drops a benchmark's own database (and its connections), and creates it empty again when `create`. */
export async function recreateDatabase(adminUrl: string, database: string, create: boolean): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    if (create) await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
}
