/** The small set of error kinds the UI knows how to explain. */
export const errorKinds = [
  'auth',
  'permission',
  'notFound',
  'conflict',
  'unsupported',
  'network',
  'cancelled',
  'invalidInput',
  'internal',
] as const;

export type ErrorKind = (typeof errorKinds)[number];

/** How an error crosses IPC: never a raw Error object, never a stack. */
export interface IpcError {
  kind: ErrorKind;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };
