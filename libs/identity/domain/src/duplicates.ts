import type { Lookups } from './child';

/** What the duplicate finder knows of a child: its keyed hashes, birth date and village — never the values. */
export interface DuplicateCandidate {
  readonly childId: string;
  readonly birthDate: string;
  readonly villageCode: string;
  readonly lookups: Lookups;
}

export type DuplicateEvidence =
  | 'same_nik'
  | 'same_name_birth_date_mother'
  | 'same_name_birth_date'
  | 'same_family_card_birth_date'
  | 'same_mother_birth_date'
  | 'same_village';

/** How strongly each piece of evidence says "one real child registered twice". */
const WEIGHT: Record<DuplicateEvidence, number> = {
  same_nik: 1,
  same_name_birth_date_mother: 0.95,
  same_name_birth_date: 0.75,
  // Twins share the family card, mother and birth date: alone these are weak.
  same_family_card_birth_date: 0.4,
  same_mother_birth_date: 0.35,
  same_village: 0.1,
};

export interface DuplicatePair {
  readonly childId: string;
  readonly otherChildId: string;
  readonly evidence: DuplicateEvidence[];
  /** 0–1; pairs at or above {@link DUPLICATE_THRESHOLD} are listed for a TPPS officer to decide. */
  readonly score: number;
}

export const DUPLICATE_THRESHOLD = 0.7;

export function scorePair(a: DuplicateCandidate, b: DuplicateCandidate): DuplicatePair {
  const sameBirthDate = a.birthDate === b.birthDate;
  const sameName = a.lookups.name === b.lookups.name;
  const sameMother = a.lookups.motherName === b.lookups.motherName;
  const evidence: DuplicateEvidence[] = [];
  if (a.lookups.nik !== null && a.lookups.nik === b.lookups.nik) evidence.push('same_nik');
  if (sameBirthDate && sameName && sameMother) evidence.push('same_name_birth_date_mother');
  else if (sameBirthDate && sameName) evidence.push('same_name_birth_date');
  if (sameBirthDate && a.lookups.familyCard !== null && a.lookups.familyCard === b.lookups.familyCard) {
    evidence.push('same_family_card_birth_date');
  }
  if (sameBirthDate && sameMother && !sameName) evidence.push('same_mother_birth_date');
  if (a.villageCode === b.villageCode) evidence.push('same_village');
  // Independent pieces of evidence combine like probabilities: 1 − Π(1 − w).
  const score = 1 - evidence.reduce((rest, item) => rest * (1 - WEIGHT[item]), 1);
  const [first, second] = a.childId < b.childId ? [a, b] : [b, a];
  return { childId: first.childId, otherChildId: second.childId, evidence, score: Math.round(score * 1000) / 1000 };
}

/**
 * Finds likely duplicates among children by blocking on shared keys (NIK, name + birth date, family card + birth
 * date, mother + birth date), so only children that share one are compared, then scoring each pair.
 */
export function findDuplicates(
  children: readonly DuplicateCandidate[],
  threshold = DUPLICATE_THRESHOLD,
): DuplicatePair[] {
  const blocks = new Map<string, DuplicateCandidate[]>();
  const block = (key: string | null, child: DuplicateCandidate) => {
    if (key === null) return;
    const members = blocks.get(key);
    if (members) members.push(child);
    else blocks.set(key, [child]);
  };
  for (const child of children) {
    const { nik, name, familyCard, motherName } = child.lookups;
    block(nik && `nik:${nik}`, child);
    block(`name:${name}:${child.birthDate}`, child);
    block(familyCard && `kk:${familyCard}:${child.birthDate}`, child);
    block(`mother:${motherName}:${child.birthDate}`, child);
  }
  const pairs = new Map<string, DuplicatePair>();
  for (const members of blocks.values()) {
    for (let i = 0; i < members.length; i += 1) {
      for (let j = i + 1; j < members.length; j += 1) {
        const pair = scorePair(members[i], members[j]);
        if (pair.score >= threshold) pairs.set(`${pair.childId}:${pair.otherChildId}`, pair);
      }
    }
  }
  return [...pairs.values()].sort((x, y) => y.score - x.score || x.childId.localeCompare(y.childId));
}

/** Names are compared after folding case, spaces and punctuation, so "Siti  Aminah" and "SITI AMINAH." match. */
export const normalizeName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
