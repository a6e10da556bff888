import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The first folder holding nx.json at or above `start`, or null: the shared reference folders sit beside it,
 * whether the code runs from libs/ or from dist/.
 */
export function findRepositoryRoot(start: string): string | null {
  for (let directory = start; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, 'nx.json'))) return directory;
    if (path.dirname(directory) === directory) return null;
  }
}
