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

/** The values a message's placeholders take (names, paths, counts, sizes in bytes). */
export type MessageParams = Record<string, string | number>;

/**
 * How an error crosses IPC: never a raw Error object, never a stack. `code` is its
 * sentence's catalog key (`errors:disk.fullAt`, `s3Errors:accessDenied`: see
 * `shared/i18n/locales/`), which the renderer shows in the user's language with `params`;
 * `message` is the English sentence, for logs and for errors that have no code.
 */
export interface IpcError {
  kind: ErrorKind;
  message: string;
  code?: string;
  params?: MessageParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };
