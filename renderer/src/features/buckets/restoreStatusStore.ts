/**
 * Restore status of archived objects, read with one HeadObject (`x-amz-restore`) when an
 * archived row is selected, then kept: listing alone cannot tell "archived" from "restored".
 */
import { create } from 'zustand';
import type { RestoreStatus } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';

type Known = RestoreStatus | 'loading';

export const useRestoreStatuses = create<Record<string, Known>>()(() => ({}));

const keyOf = (connectionId: string, path: string) => `${connectionId}\n${path}`;

export function useRestoreStatus(connectionId: string, path: string): Known | undefined {
  return useRestoreStatuses((s) => s[keyOf(connectionId, path)]);
}

/** Reads the status unless it is known or being read. */
export function loadRestoreStatus(connectionId: string, path: string, again = false): void {
  const key = keyOf(connectionId, path);
  const known = useRestoreStatuses.getState()[key];
  if (known === 'loading' || (known && !again)) return;
  useRestoreStatuses.setState({ [key]: 'loading' });
  unwrap(api().buckets.restoreStatus({ connectionId, path })).then(
    (status) => useRestoreStatuses.setState({ [key]: status }),
    () => useRestoreStatuses.setState((s) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== key))),
  );
}
