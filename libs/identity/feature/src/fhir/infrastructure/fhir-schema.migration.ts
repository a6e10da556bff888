import { Migration } from '@mikro-orm/migrations';

/**
 * FHIR Patients the registry has taken (fhir/process-bundle): each identity a Patient came with (SATUSEHAT's IHS
 * number, the NIK, its fullUrl) → the child it became, per regency. A Bundle sent again, or a later one naming the
 * same Patient without a NIK, finds its child here instead of registering it twice.
 */
export class IdentityFhirPatientsMigration extends Migration {
  override name = '20261208000000-identity-fhir-patients';

  override up(): void {
    this.addSql(`
CREATE TABLE identity_fhir_patients (
  regency_code text NOT NULL,
  resource_key text NOT NULL,
  child_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (regency_code, resource_key)
)`);
  }

  override down(): void {
    this.addSql('DROP TABLE identity_fhir_patients');
  }
}
