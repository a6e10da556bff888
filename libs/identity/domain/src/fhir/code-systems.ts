import { PERMENKES_CLASSES } from '@registry/anthropometry';
import { INDICATORS, REGISTRY_SYSTEMS } from './vocabulary';

const codeSystem = (id: string, url: string, title: string, description: string, concepts: Record<string, string>) => ({
  resourceType: 'CodeSystem',
  id,
  url,
  name: id
    .split('-')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(''),
  title,
  status: 'active',
  experimental: false,
  publisher: 'Registri stunting (TPPS)',
  description,
  caseSensitive: true,
  content: 'complete',
  count: Object.keys(concepts).length,
  concept: Object.entries(concepts).map(([code, display]) => ({ code, display })),
});

/**
 * The code systems the registry defines, served at GET /fhir/R4/CodeSystem/{id}: the indicators its z-scores are
 * for, and the Permenkes 2/2020 classes of each index (one system per index: "normal" is a class of several).
 */
export const REGISTRY_CODE_SYSTEMS = [
  codeSystem(
    'anthropometric-indicator',
    REGISTRY_SYSTEMS.indicator,
    'Indeks antropometri anak (WHO Child Growth Standards)',
    "The indices a z-score is computed for, as Observation.component.code of the registry's measurements.",
    INDICATORS,
  ),
  codeSystem(
    'height-for-age-status',
    REGISTRY_SYSTEMS.heightForAgeStatus,
    'Status gizi menurut PB/U atau TB/U (Permenkes 2/2020)',
    'Classes of length/height-for-age; stunted and severely_stunted are what the registry counts as stunting.',
    PERMENKES_CLASSES.heightForAge,
  ),
  codeSystem(
    'weight-for-age-status',
    REGISTRY_SYSTEMS.weightForAgeStatus,
    'Status gizi menurut BB/U (Permenkes 2/2020)',
    'Classes of weight-for-age.',
    PERMENKES_CLASSES.weightForAge,
  ),
  codeSystem(
    'nutritional-status',
    REGISTRY_SYSTEMS.nutritionalStatus,
    'Status gizi menurut BB/PB, BB/TB atau IMT/U (Permenkes 2/2020)',
    'Classes of weight-for-length/height and BMI-for-age; wasted and severely_wasted are wasting.',
    PERMENKES_CLASSES.nutrition,
  ),
];

export const registryCodeSystem = (id: string) => REGISTRY_CODE_SYSTEMS.find((system) => system.id === id) ?? null;
