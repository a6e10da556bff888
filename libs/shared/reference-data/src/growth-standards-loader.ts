import { GrowthStandards, GrowthStandardsLoadError } from '@registry/anthropometry';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findRepositoryRoot } from './repository-root';

export const STANDARDS_DIRECTORY_ENV = 'WHO_GROWTH_STANDARDS_DIR';

/** Where the tables live relative to the repository root: they are shared data, never copied into a repository. */
const DEFAULT_DIRECTORY_FROM_REPOSITORY_ROOT = path.join('..', 'shared', 'who-growth-standards');

export interface StandardsDirectory {
  readonly directory: string;
  readonly source: 'argument' | 'environment' | 'default';
}

/**
 * Reads the WHO LMS tables from `directory`, else from WHO_GROWTH_STANDARDS_DIR, else from
 * ../shared/who-growth-standards next to the repository root. Throws GrowthStandardsLoadError.
 */
export function loadGrowthStandards(directory?: string): GrowthStandards {
  const location = resolveStandardsDirectory(directory);
  return GrowthStandards.fromFiles({
    directory: location.directory,
    read: (file) => readTable(location, file),
    loadError: (file, problem) => loadError(location, file, problem),
  });
}

/**
 * The explicit directory wins, then WHO_GROWTH_STANDARDS_DIR, then ../shared/who-growth-standards from the
 * repository root, found as the first folder holding nx.json above `searchFrom` (this module's folder).
 */
export function resolveStandardsDirectory(
  explicit: string | undefined,
  environment: NodeJS.ProcessEnv = process.env,
  searchFrom: string = __dirname,
): StandardsDirectory {
  if (explicit) return { directory: path.resolve(explicit), source: 'argument' };
  const fromEnvironment = environment[STANDARDS_DIRECTORY_ENV];
  if (fromEnvironment) return { directory: path.resolve(fromEnvironment), source: 'environment' };
  const root = findRepositoryRoot(searchFrom);
  if (root === null) {
    throw new GrowthStandardsLoadError(
      `Cannot locate the WHO Child Growth Standards (2006) LMS tables: no repository root (a folder with nx.json) ` +
        `above ${searchFrom}, so the default ${DEFAULT_DIRECTORY_FROM_REPOSITORY_ROOT} cannot be resolved. ` +
        `Set ${STANDARDS_DIRECTORY_ENV} to the folder holding the WHO LMS CSV tables.`,
      searchFrom,
    );
  }
  return { directory: path.join(root, DEFAULT_DIRECTORY_FROM_REPOSITORY_ROOT), source: 'default' };
}

function readTable(location: StandardsDirectory, file: string): string {
  try {
    return readFileSync(path.join(location.directory, file), 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw loadError(location, file, missing ? 'is missing' : `cannot be read (${(error as Error).message})`);
  }
}

function loadError(location: StandardsDirectory, file: string, problem: string): GrowthStandardsLoadError {
  const origin = {
    argument: 'passed to loadGrowthStandards',
    environment: `from ${STANDARDS_DIRECTORY_ENV}`,
    default: `the default, ${DEFAULT_DIRECTORY_FROM_REPOSITORY_ROOT} from the repository root`,
  }[location.source];
  return new GrowthStandardsLoadError(
    `WHO Child Growth Standards (2006) table ${file} ${problem} (directory tried: ${location.directory}, ${origin}). ` +
      `Set ${STANDARDS_DIRECTORY_ENV} to the folder holding the WHO LMS CSV tables (lhfa, wfa, bfa, hcfa day tables, wfl, wfh).`,
    location.directory,
    file,
  );
}
