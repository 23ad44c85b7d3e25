/** Progress of the long copies, moves and deletes this window started (from `fs:progress`). */
import { create } from 'zustand';
import type { FsProgress } from '../../../../shared/contract/fs.js';
import { api } from '../../api/client.js';

interface OperationProgressState {
  byId: Record<string, FsProgress>;
  update(progress: FsProgress): void;
  forget(operationId: string): void;
}

export const useOperationProgress = create<OperationProgressState>()((set) => ({
  byId: {},
  update: (progress) => set((s) => ({ byId: { ...s.byId, [progress.operationId]: progress } })),
  forget: (operationId) =>
    set((s) => {
      const { [operationId]: _gone, ...rest } = s.byId;
      return { byId: rest };
    }),
}));

let subscribed = false;

/** A fresh id for one operation; progress for it starts arriving once the call is made. */
export function newOperationId(): string {
  if (!subscribed) {
    subscribed = true;
    api().fs.onProgress((progress) => useOperationProgress.getState().update(progress));
  }
  return crypto.randomUUID();
}

export function cancelOperation(operationId: string): void {
  void api().fs.cancel({ operationId });
}
