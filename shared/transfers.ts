import type { IpcError } from './errors.js';

export type TransferDirection = 'upload' | 'download';

export type TransferState = 'queued' | 'running' | 'paused' | 'completed' | 'failed' | 'cancelled';

export const finishedStates: readonly TransferState[] = ['completed', 'failed', 'cancelled'];

export interface TransferSnapshot {
  id: string;
  direction: TransferDirection;
  connectionId: string;
  /** What the user sees: the file's base name. */
  name: string;
  localPath: string;
  remotePath: string;
  /** Bytes in the whole transfer, once known. */
  size?: number;
  bytesDone: number;
  /** Bytes per second, smoothed. */
  rate: number;
  etaSeconds?: number;
  state: TransferState;
  error?: IpcError;
  /** A note shown in the transfer's details (e.g. "server refused parallel writes; sent sequentially"). */
  detail?: string;
  createdAt: number;
  finishedAt?: number;
}

/** The throttled per-transfer update sent to windows while bytes move. */
export interface TransferProgress {
  id: string;
  bytesDone: number;
  size?: number;
  rate: number;
  etaSeconds?: number;
  state: TransferState;
}
