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
 * misspellings like 'Resiko'), by compact key, as the Permenkes 2/2020 label the registry gives.
 */
const EXPORT_LABELS: { readonly [Name in Indicator]: ReadonlyMap<string, string> } = {
  heightForAge: labels({
    'sangat pendek': ['Sangat Pendek'],
    pendek: ['Pendek'],
    normal: ['Normal'],
    tinggi: ['Tinggi'],
  }),
  weightForAge: labels({
    'berat badan sangat kurang': ['Berat Badan Sangat Kurang', 'BB Sangat Kurang', 'Sangat Kurang', 'Gizi Buruk'],
    'berat badan kurang': ['Berat Badan Kurang', 'BB Kurang', 'Kurang', 'Gizi Kurang'],
    normal: ['Berat Badan Normal', 'BB Normal', 'Normal', 'Gizi Baik'],
    'risiko berat badan lebih': [
      'Risiko Berat Badan Lebih',
      'Resiko Berat Badan Lebih',
      'Berisiko Berat Badan Lebih',
      'Risiko BB Lebih',
      'Resiko BB Lebih',
      'Gizi Lebih',
    ],
  }),
  weightForHeight: labels({
    'gizi buruk': ['Gizi Buruk', 'Sangat Kurus'],
    'gizi kurang': ['Gizi Kurang', 'Kurus'],
    'gizi baik': ['Gizi Baik', 'Normal'],
    'berisiko gizi lebih': ['Berisiko Gizi Lebih', 'Beresiko Gizi Lebih', 'Risiko Gizi Lebih', 'Resiko Gizi Lebih'],
    'gizi lebih': ['Gizi Lebih', 'Gemuk'],
    obesitas: ['Obesitas', 'Obese'],
  }),
};

function labels(variants: Record<string, readonly string[]>): ReadonlyMap<string, string> {
  return new Map(
    Object.entries(variants).flatMap(([label, written]) => written.map((text) => [statusKey(text), label] as const)),
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
      const label = EXPORT_LABELS[indicator].get(key);
      const agrees = label !== undefined ? label === classification.label : key === compactKey(classification.label);
      if (!agrees) {
        disagreements.push(
          `${eppgbmHeader(statusColumn)}: export '${theirs.status}', registry '${titleCase(classification.label)}'`,
        );
      }
    }
  }
  return disagreements;
}
