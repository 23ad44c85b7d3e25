import { extname } from 'node:path';
import { pathExists } from '../lib/pathExists.js';

/** `report.pdf` → `report (1).pdf` → `report (2).pdf`: the first name that is free. */
export async function firstFreePath(path: string): Promise<string> {
  if (!(await pathExists(path))) return path;
  const ext = extname(path);
  const stem = path.slice(0, path.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!(await pathExists(candidate))) return candidate;
  }
}
