import type { Region, Regions } from '@registry/regions';
import type { Random } from './random';

// Where the children of a generated e-PPGBM export live: their posyandu and address, and the desa order of an export.

const POSYANDU_NAMES = ['Mawar', 'Melati', 'Anggrek', 'Dahlia', 'Kenanga', 'Flamboyan', 'Cempaka', 'Seruni'];
const HAMLETS = ['Cibadak', 'Sukamaju', 'Babakan', 'Pasir Jaya', 'Kebon Kopi', 'Cilame', 'Sindang', 'Tegal Sari'];

export interface Posyandu {
  readonly name: string;
  /** Days after the month's first posyandu day on which this posyandu weighs. */
  readonly dayOffset: number;
}

/** Each desa has one to three posyandu, each weighing on its own day of the month. */
export function perVillagePosyandu(random: Random): (village: Region) => readonly Posyandu[] {
  const byVillage = new Map<string, Posyandu[]>();
  return (village) => {
    let posyandu = byVillage.get(village.code);
    if (!posyandu) {
      const first = random.integer(0, POSYANDU_NAMES.length - 1);
      posyandu = Array.from({ length: random.integer(1, 3) }, (_, n) => ({
        name: `${POSYANDU_NAMES[(first + n) % POSYANDU_NAMES.length]} ${random.integer(1, 5)}`,
        dayOffset: random.integer(0, 20),
      }));
      byVillage.set(village.code, posyandu);
    }
    return posyandu;
  };
}

/** Each desa's place in an export's order: by kecamatan name, then desa name (then code, for namesakes). */
export function ranksByName(regions: Regions, villages: readonly Region[]): Map<string, number> {
  const keyed = villages.map((village) => ({
    code: village.code,
    key: [regions.find(village.parentCode!)!.name, village.name, village.code],
  }));
  keyed.sort((a, b) => a.key.join('|').localeCompare(b.key.join('|')));
  return new Map(keyed.map((village, rank) => [village.code, rank]));
}

/** An address line as posyandu cadres write it: a kampung, dusun or street. */
export const addressLine = (random: Random): string =>
  `${random.pick(['Kp.', 'Dusun', 'Jl.'])} ${random.pick(HAMLETS)}`;
