import type { ErrorKind, IpcError, MessageParams } from '../../shared/errors.js';
import { englishMessage } from '../../shared/i18n/englishMessages.js';

/**
 * An error the UI can explain: a kind from the shared set and a sentence for people. With a
 * `code` (a catalog key) the sentence is the catalog's, shown in the user's language.
 */
export class AppError extends Error {
  readonly code: string | undefined;
  readonly params: MessageParams | undefined;

  constructor(
    readonly kind: ErrorKind,
    message: string,
    options?: { cause?: unknown; code?: string; params?: MessageParams },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.code = options?.code;
    this.params = options?.params;
  }
}

/** An error whose sentence is the catalog message `code` ("errors:disk.fullAt"); its English text is the message, for logs. */
export function codedError(kind: ErrorKind, code: string, params?: MessageParams, cause?: unknown): AppError {
  return new AppError(kind, englishMessage(code, params), { code, params, cause });
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/**
 * The server refused the secret itself (a wrong password, secret key or session token):
 * typing it again can help, so a connect asks for it instead of failing.
 */
export class CredentialsRefusedError extends AppError {
  constructor(message: string, options?: { cause?: unknown; code?: string; params?: MessageParams }) {
    super('auth', message, options);
    this.name = 'CredentialsRefusedError';
  }
}

/** A refused secret whose sentence is the catalog message `code`, like `codedError`. */
export function credentialsRefused(code: string, params?: MessageParams, cause?: unknown): CredentialsRefusedError {
  return new CredentialsRefusedError(englishMessage(code, params), { code, params, cause });
}

/** What a stopped operation throws: kind `cancelled` tells the queue and the UI the user stopped it, so it is no failure. */
export function cancelledError(): AppError {
  return codedError('cancelled', 'errors:cancelled');
}

/** Throws the cancelled error once `signal` has fired. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelledError();
}

/** What a thrown value says: its message, or the value itself when something other than an Error was thrown. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A function that recognises one family's errors (S3, SSH...) and explains them. */
export type ErrorTranslator = (error: unknown) => AppError | undefined;

/** Node's socket error codes → their sentence in the `errors` catalog. */
const networkCodes: Record<string, string> = {
  ECONNREFUSED: 'errors:network.refused',
  ENOTFOUND: 'errors:network.hostNotFound',
  EAI_AGAIN: 'errors:network.lookupFailed',
  ETIMEDOUT: 'errors:network.timedOut',
  ECONNRESET: 'errors:network.reset',
  EHOSTUNREACH: 'errors:network.hostUnreachable',
  ENETUNREACH: 'errors:network.networkUnreachable',
  EPIPE: 'errors:network.closed',
};

/** Node's file system error codes → their kind and sentence, without and with the path. */
const diskCodes: Record<string, [ErrorKind, string, string]> = {
  ENOSPC: ['conflict', 'errors:disk.full', 'errors:disk.fullAt'],
  EDQUOT: ['conflict', 'errors:disk.quota', 'errors:disk.quotaAt'],
  EACCES: ['permission', 'errors:disk.denied', 'errors:disk.deniedAt'],
  EPERM: ['permission', 'errors:disk.notPermitted', 'errors:disk.notPermittedAt'],
  ENOENT: ['notFound', 'errors:disk.missing', 'errors:disk.missingAt'],
  EROFS: ['permission', 'errors:disk.readOnly', 'errors:disk.readOnlyAt'],
  EISDIR: ['conflict', 'errors:disk.folderInTheWay', 'errors:disk.folderInTheWayAt'],
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
  if (network) return codedError('network', network, undefined, error);
  const disk = diskCodes[code];
  if (disk) {
    const path = (error as { path?: string }).path;
    return path ? codedError(disk[0], disk[2], { path }, error) : codedError(disk[0], disk[1], undefined, error);
  }
  return undefined;
};

/** Turns anything thrown into what may cross IPC: a kind and a human sentence, no stack. */
export function toIpcError(error: unknown, translators: ErrorTranslator[] = []): IpcError {
  if (isAppError(error)) return ipcErrorOf(error);
  // Socket and disk codes first: they say more than the library wrapping them.
  for (const translate of [translateNodeError, ...translators]) {
    const known = translate(error);
    if (known) return ipcErrorOf(known);
  }
  if (error instanceof Error && error.name === 'AbortError') return ipcErrorOf(cancelledError());
  // First line only: some libraries put call stacks or request dumps after it.
  return ipcErrorOf(codedError('internal', 'errors:internal', { detail: messageOf(error).split('\n')[0] ?? '' }));
}

function ipcErrorOf(error: AppError): IpcError {
  const { kind, message, code, params } = error;
  return code ? { kind, message, code, ...(params && { params }) } : { kind, message };
}

export function asAppError(error: unknown, translators: ErrorTranslator[] = []): AppError {
  if (isAppError(error)) return error;
  const ipc = toIpcError(error, translators);
  return new AppError(ipc.kind, ipc.message, { cause: error, code: ipc.code, params: ipc.params });
}
