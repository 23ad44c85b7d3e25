import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { connectionDraftSchema } from '../../../shared/connections.js';
import { codedError } from '../errors.js';
import type { ConnectionStore } from './connectionStore.js';

/**
 * Saves the connection drafts in a JSON file (an array) unless one of the same name is
 * already saved. `npm run demo` uses it to open the app with its sample servers saved.
 */
export async function importConnections(store: ConnectionStore, file: string): Promise<number> {
  const parsed = z.array(connectionDraftSchema).safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw codedError('invalidInput', 'coreConnections:importInvalid', { file });
  const existing = new Set(store.list().map((c) => c.name));
  let added = 0;
  for (const draft of parsed.data) {
    if (existing.has(draft.name)) continue;
    await store.save({ ...draft, id: undefined });
    added++;
  }
  return added;
}
