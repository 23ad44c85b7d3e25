import type { ErrorKind, IpcError } from '../../shared/errors.js';

/** An error the UI can explain: a kind from the shared set and a sentence for people. */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** What a stopped operation throws: kind `cancelled` tells the queue and the UI the user stopped it, so it is no failure. */
export function cancelledError(): AppError {
  return new AppError('cancelled', 'Cancelled.');
}

/** Throws the cancelled error once `signal` has fired. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelledError();
}

/** What a thrown value says: its message, or the value itself when something other than an Error was thrown. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A function that recognises one family's errors (S3, SSH...) and explains them. */
export type ErrorTranslator = (error: unknown) => AppError | undefined;

const networkCodes: Record<string, string> = {
  ECONNREFUSED: 'the server refused the connection (is it running, and is the port right?)',
  ENOTFOUND: 'the host name could not be found',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'the server did not answer in time',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network is unreachable',
  EPIPE: 'the connection was closed',
};

const diskCodes: Record<string, [ErrorKind, string]> = {
  ENOSPC: ['conflict', 'The local disk is full'],
  EDQUOT: ['conflict', 'The local disk quota is exceeded'],
  EACCES: ['permission', 'Permission denied on the local file system'],
  EPERM: ['permission', 'The operation is not permitted on the local file system'],
  ENOENT: ['notFound', 'The local file or folder does not exist'],
  EROFS: ['permission', 'The local file system is read-only'],
  EISDIR: ['conflict', 'A folder is in the way'],
};

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { code?: unknown; cause?: unknown };
  if (typeof record.code === 'string') return record.code;
  return record.cause ? errorCode(record.cause) : undefined;
}

/** Network and local-disk errors from Node, whatever library passed them on. */
export const translateNodeError: ErrorTranslator = (error) => {
  const code = errorCode(error);
  if (!code) return undefined;
  const network = networkCodes[code];
  if (network) return new AppError('network', `Cannot reach the server: ${network}.`, { cause: error });
  const disk = diskCodes[code];
  if (disk) {
    const path = (error as { path?: string }).path;
    return new AppError(disk[0], path ? `${disk[1]}: ${path}` : `${disk[1]}.`, { cause: error });
  }
  return undefined;
};

/** Turns anything thrown into what may cross IPC: a kind and a human sentence, no stack. */
export function toIpcError(error: unknown, translators: ErrorTranslator[] = []): IpcError {
  if (isAppError(error)) return { kind: error.kind, message: error.message };
  // Socket and disk codes first: they say more than the library wrapping them.
  for (const translate of [translateNodeError, ...translators]) {
    const known = translate(error);
    if (known) return { kind: known.kind, message: known.message };
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return { kind: 'cancelled', message: 'Cancelled.' };
  }
  // First line only: some libraries put call stacks or request dumps after it.
  const message = messageOf(error).split('\n')[0];
  return { kind: 'internal', message: `Something went wrong: ${message}` };
}

export function asAppError(error: unknown, translators: ErrorTranslator[] = []): AppError {
  if (isAppError(error)) return error;
  const ipc = toIpcError(error, translators);
  return new AppError(ipc.kind, ipc.message, { cause: error });
}
