import { useState } from 'react';
import { toApiError } from '../../api/client.js';

/** Runs one save against main, then reloads the settings so the panel shows the server's truth. */
export function useSave(reload: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await action();
      await reload();
      setSaved(true);
      return true;
    } catch (caught) {
      setError(toApiError(caught).message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, saved, run, state: { busy, error, saved } };
}
