/**
 * Where each place opens when it next connects: the folder the last session left it at, kept
 * in memory until then, or its home when that folder is gone.
 */
import type { Protocol } from '../../../../shared/files.js';
import { getTab } from '../browser/browserStore.js';
import { navigate, openBrowser } from '../browser/navigation.js';

/** Folders to open each place at when it next connects, taken from the last session. */
const resumeAt = new Map<string, string>();

export function resumeFolder(id: string, path: string): void {
  resumeAt.set(id, path);
}

/** Folders waiting for their place to connect (a connect that failed keeps its folder for the next). */
export function pendingResumes(): ReadonlyMap<string, string> {
  return resumeAt;
}

/** The folder a place reopens at (once), instead of its home. */
export function takeResumeFolder(id: string): string | undefined {
  const path = resumeAt.get(id);
  resumeAt.delete(id);
  return path;
}

/**
 * Opens a place just connected at the folder the last session left it at, else at its home.
 * A folder deleted since (or a bucket) opens the home instead of an error page; a path the
 * user types later still says it is missing.
 */
export async function openWhereLeft(id: string, protocol: Protocol, homePath: string): Promise<void> {
  const resumed = takeResumeFolder(id);
  await openBrowser(id, protocol, resumed ?? homePath);
  const tab = getTab(id);
  if (resumed !== undefined && resumed !== homePath && tab?.path === resumed && tab.error?.kind === 'notFound') {
    navigate(id, homePath, { history: 'none' });
  }
}
