import { pathExists } from '../lib/pathExists.js';
import { numberedName } from './localTargets.js';

/** `report.pdf` → `report (1).pdf` → `report (2).pdf`: the first name that is free on disk and not `taken` by another transfer. */
export async function firstFreePath(path: string, taken: (path: string) => boolean = () => false): Promise<string> {
  if (!taken(path) && !(await pathExists(path))) return path;
  for (let n = 1; ; n++) {
    const candidate = numberedName(path, n);
    if (!taken(candidate) && !(await pathExists(candidate))) return candidate;
  }
}
