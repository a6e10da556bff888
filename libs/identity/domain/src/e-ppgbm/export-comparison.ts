import type { HeightForAgeClass, NutritionClass, WeightForAgeClass } from '@registry/anthropometry';
import { type EppgbmColumn, eppgbmHeader } from './columns';
import type { EppgbmRow } from './eppgbm-row';
import { compactKey } from './text';

type Indicator = 'heightForAge' | 'weightForAge' | 'weightForHeight';

export interface RegistryClassification {
  readonly code: string;
  /** The Permenkes 2/2020 label, e.g. 'pendek'. */
  readonly label: string;
}

/** The registry's own opinion of a measurement; an anthropometry Assessment has this shape. */
export interface RegistryOpinion {
  readonly zScores: { readonly [Name in Indicator]: number | null };
  readonly classifications: { readonly [Name in Indicator]: RegistryClassification | null };
}

/** z-scores are reported to 2 decimals: a difference of 0.10 or less is rounding in one system or the other. */
const Z_TOLERANCE = 0.1;

/** 'Pendek (stunted)' is 'Pendek': an English gloss in brackets says nothing more. */
const statusKey = (status: string): string => compactKey(status.replace(/\([^)]*\)/g, ''));

/**
 * The statuses e-PPGBM writes (also those of the Kepmenkes 2010 tables older exports carry, and common
 * misspellings like 'Resiko'), as the classification code of anthropometry (the owner of Permenkes 2/2020) they mean.
 */
const EXPORT_CODES: {
  readonly heightForAge: ReadonlyMap<string, HeightForAgeClass>;
  readonly weightForAge: ReadonlyMap<string, WeightForAgeClass>;
  readonly weightForHeight: ReadonlyMap<string, NutritionClass>;
} = {
  heightForAge: codes<HeightForAgeClass>({
    severely_stunted: ['Sangat Pendek'],
    stunted: ['Pendek'],
    normal: ['Normal'],
    tall: ['Tinggi'],
  }),
  weightForAge: codes<WeightForAgeClass>({
    severely_underweight: ['Berat Badan Sangat Kurang', 'BB Sangat Kurang', 'Sangat Kurang', 'Gizi Buruk'],
    underweight: ['Berat Badan Kurang', 'BB Kurang', 'Kurang', 'Gizi Kurang'],
    normal: ['Berat Badan Normal', 'BB Normal', 'Normal', 'Gizi Baik'],
    risk_of_overweight: [
      'Risiko Berat Badan Lebih',
      'Resiko Berat Badan Lebih',
      'Berisiko Berat Badan Lebih',
      'Risiko BB Lebih',
      'Resiko BB Lebih',
      'Gizi Lebih',
    ],
  }),
  weightForHeight: codes<NutritionClass>({
    severely_wasted: ['Gizi Buruk', 'Sangat Kurus'],
    wasted: ['Gizi Kurang', 'Kurus'],
    normal: ['Gizi Baik', 'Normal'],
    possible_risk_of_overweight: [
      'Berisiko Gizi Lebih',
      'Beresiko Gizi Lebih',
      'Risiko Gizi Lebih',
      'Resiko Gizi Lebih',
    ],
    overweight: ['Gizi Lebih', 'Gemuk'],
    obese: ['Obesitas', 'Obese'],
  }),
};

function codes<Code extends string>(variants: Record<Code, readonly string[]>): ReadonlyMap<string, Code> {
  return new Map(
    (Object.entries(variants) as Array<[Code, readonly string[]]>).flatMap(([code, written]) =>
      written.map((text) => [statusKey(text), code] as const),
    ),
  );
}

const COLUMNS: ReadonlyArray<readonly [Indicator, EppgbmColumn, EppgbmColumn]> = [
  ['heightForAge', 'heightForAge', 'heightForAgeZ'],
  ['weightForAge', 'weightForAge', 'weightForAgeZ'],
  ['weightForHeight', 'weightForHeight', 'weightForHeightZ'],
];

/** 'risiko berat badan lebih' as an export writes it: 'Risiko Berat Badan Lebih'. */
const titleCase = (label: string): string => label.replace(/(^|\s)\p{Ll}/gu, (letter) => letter.toUpperCase());

/**
 * Where the export's own z-scores and statuses disagree with the registry's, one sentence each, e.g.
 * "ZS TB/U: export -2.31, registry -2.05" or "TB/U: export 'Normal', registry 'Pendek'". A value missing on
 * either side is no disagreement.
 */
export function compareWithExport(exported: EppgbmRow['exported'], ours: RegistryOpinion): string[] {
  const disagreements: string[] = [];
  for (const [indicator, statusColumn, zColumn] of COLUMNS) {
    const theirs = exported[indicator];
    if (!theirs) continue;
    const z = ours.zScores[indicator];
    if (theirs.z !== undefined && z !== null && Math.round(Math.abs(theirs.z - z) * 100) / 100 > Z_TOLERANCE) {
      disagreements.push(`${eppgbmHeader(zColumn)}: export ${theirs.z.toFixed(2)}, registry ${z.toFixed(2)}`);
    }
    const classification = ours.classifications[indicator];
    if (theirs.status !== undefined && classification !== null) {
      const key = statusKey(theirs.status);
      const code = EXPORT_CODES[indicator].get(key);
      const agrees = code !== undefined ? code === classification.code : key === compactKey(classification.label);
      if (!agrees) {
        disagreements.push(
          `${eppgbmHeader(statusColumn)}: export '${theirs.status}', registry '${titleCase(classification.label)}'`,
        );
      }
    }
  }
  return disagreements;
}
