import { useEffect, useState } from 'react';

/**
 * Editable drafts of a list the server holds, and which of their cards are open. The
 * drafts follow the server's value whenever it changes (after a save and reload), and
 * `changed` says whether the edits differ from it.
 */
export function useDrafts<R, D extends { key: string }>(current: R[], toDraft: (rule: R) => D, fromDraft: (draft: D) => R) {
  const signature = JSON.stringify(current);
  // The server's value as the form would write it back (servers may reorder lists), so an untouched form is unchanged.
  const baseline = JSON.stringify(current.map((r) => fromDraft(toDraft(r))));
  const [drafts, setDrafts] = useState<D[]>(() => current.map(toDraft));
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setDrafts(current.map(toDraft)), [signature]); // eslint-disable-line react-hooks/exhaustive-deps
  return {
    drafts,
    changed: JSON.stringify(drafts.map(fromDraft)) !== baseline,
    isOpen: (draft: D) => open.has(draft.key),
    toggle: (draft: D) => setOpen((s) => (s.has(draft.key) ? new Set([...s].filter((k) => k !== draft.key)) : new Set([...s, draft.key]))),
    edit: (i: number, patch: Partial<D>) => setDrafts((all) => all.map((d, j) => (j === i ? { ...d, ...patch } : d))),
    remove: (i: number) => setDrafts((all) => all.filter((_, j) => j !== i)),
    /** Adds a draft with its card open. */
    add: (draft: D) => {
      setDrafts((all) => [...all, draft]);
      setOpen((s) => new Set([...s, draft.key]));
    },
    discard: () => setDrafts(current.map(toDraft)),
  };
}

/** What useDrafts hands a panel for drafts of type D. */
export type Drafts<D extends { key: string }> = ReturnType<typeof useDrafts<unknown, D>>;
