/** The busy flag and server error of a dialog's one action: clears the error, runs, shows what failed. */
import { useState } from 'react';
import { toApiError } from '../../api/client.js';

export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Runs `work`; on failure shows its message and frees the dialog again (after `onFailure`). */
  const run = async (work: () => Promise<void>, onFailure?: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(toApiError(caught).message);
      setBusy(false);
      onFailure?.();
    }
  };

  return { busy, setBusy, error, setError, run };
}
