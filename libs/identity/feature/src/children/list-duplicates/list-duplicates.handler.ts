import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { findDuplicates, type DuplicatePair } from '@registry/identity-domain';

interface CandidateRow {
  child_id: string;
  birth_date: string;
  village_code: string;
  nik_lookup: string | null;
  family_card_lookup: string | null;
  name_lookup: string;
  mother_name_lookup: string;
}

/**
 * The records of a regency that share at least one of the finder's blocking keys with another (findDuplicates
 * compares no other pairs): the database counts each key's records, so only these few leave it instead of every
 * record of the regency. Erased records (no lookups) and merged ones take no part.
 */
const CANDIDATES_SQL = `
SELECT child_id, birth_date, village_code, nik_lookup, family_card_lookup, name_lookup, mother_name_lookup FROM (
  SELECT child_id, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, village_code, nik_lookup, family_card_lookup,
         name_lookup, mother_name_lookup,
         count(nik_lookup) OVER (PARTITION BY nik_lookup) AS same_nik,
         count(*) OVER (PARTITION BY name_lookup, birth_date) AS same_name,
         count(family_card_lookup) OVER (PARTITION BY family_card_lookup, birth_date) AS same_family_card,
         count(*) OVER (PARTITION BY mother_name_lookup, birth_date) AS same_mother
    FROM identity_children
   WHERE regency_code = ? AND status <> 'merged' AND name_lookup IS NOT NULL AND mother_name_lookup IS NOT NULL
) c
WHERE same_nik > 1 OR same_name > 1 OR same_family_card > 1 OR same_mother > 1`;

/** Likely duplicate registrations of one regency, strongest first, scored by the domain's finder. */
@Injectable()
export class ListDuplicatesHandler {
  constructor(private readonly em: EntityManager) {}

  async pairsOf(regencyCode: string): Promise<DuplicatePair[]> {
    const rows = await this.em.getConnection().execute<CandidateRow[]>(CANDIDATES_SQL, [regencyCode]);
    return findDuplicates(
      rows.map((row) => ({
        childId: row.child_id,
        birthDate: row.birth_date,
        villageCode: row.village_code,
        lookups: {
          nik: row.nik_lookup,
          familyCard: row.family_card_lookup,
          name: row.name_lookup,
          motherName: row.mother_name_lookup,
        },
      })),
    );
  }
}
