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
 * The keys of name and birth date that two or more records of a regency share: the only pairs findDuplicates can
 * list among active records (their NIKs are unique, identity_children_nik_key; duplicates.unit.spec.ts holds every
 * other combination of evidence below the threshold). Counted in key order from identity_children_name_birth_key_idx
 * alone. Erased records (no lookups) and merged ones take no part.
 */
const SHARED_KEYS_SQL = `
SELECT name_birth_key::text AS key
  FROM identity_children
 WHERE regency_code = ? AND status <> 'merged' AND name_lookup IS NOT NULL
 GROUP BY name_birth_key
HAVING count(*) > 1`;

/**
 * The records holding those keys, by the same index. Asked apart from the keys so that each query keeps its plan: in
 * one statement the planner, which cannot know that almost every key is held once, hashes the whole regency instead.
 * A hash collision only adds a record the finder then compares by its real keys.
 */
const CANDIDATES_SQL = `
SELECT child_id, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, village_code, nik_lookup, family_card_lookup,
       name_lookup, mother_name_lookup
  FROM identity_children
 WHERE regency_code = ? AND status <> 'merged' AND name_lookup IS NOT NULL AND name_birth_key = ANY(?::bigint[])`;

/** Likely duplicate registrations of one regency, strongest first, scored by the domain's finder. */
@Injectable()
export class ListDuplicatesHandler {
  constructor(private readonly em: EntityManager) {}

  async pairsOf(regencyCode: string): Promise<DuplicatePair[]> {
    const connection = this.em.getConnection();
    const keys = await connection.execute<{ key: string }[]>(SHARED_KEYS_SQL, [regencyCode]);
    if (keys.length === 0) return [];
    const rows = await connection.execute<CandidateRow[]>(CANDIDATES_SQL, [
      regencyCode,
      `{${keys.map(({ key }) => key).join(',')}}`,
    ]);
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
