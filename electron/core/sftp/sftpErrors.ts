import { AppError, isAppError, translateNodeError, type ErrorTranslator } from '../errors.js';

/** SSH_FXP_STATUS codes (draft-ietf-secsh-filexfer-02), as ssh2 puts them in `error.code`. */
export const SftpStatus = {
  EOF: 1,
  NO_SUCH_FILE: 2,
  PERMISSION_DENIED: 3,
  FAILURE: 4,
  BAD_MESSAGE: 5,
  NO_CONNECTION: 6,
  CONNECTION_LOST: 7,
  OP_UNSUPPORTED: 8,
} as const;

interface Ssh2Error {
  message: string;
  code?: unknown;
  level?: unknown;
}

function asSsh2Error(error: unknown): Ssh2Error | undefined {
  return error instanceof Error ? (error as Ssh2Error) : undefined;
}

export function sftpStatusOf(error: unknown): number | undefined {
  const code = asSsh2Error(error)?.code;
  return typeof code === 'number' && code >= 1 && code <= 8 ? code : undefined;
}

/** An SFTP status error about one path, in words. */
export function translateSftpStatus(error: unknown, path?: string): AppError | undefined {
  const status = sftpStatusOf(error);
  if (status === undefined) return undefined;
  const at = path ? `: ${path}` : '';
  const serverSaid = (error as Error).message;
  switch (status) {
    case SftpStatus.NO_SUCH_FILE:
      return new AppError('notFound', `No such file or folder on the server${at}`, { cause: error });
    case SftpStatus.PERMISSION_DENIED:
      return new AppError('permission', `Permission denied on the server${at}`, { cause: error });
    case SftpStatus.FAILURE:
      return new AppError(
        'conflict',
        `The server could not do that${at}${serverSaid && serverSaid !== 'Failure' ? ` (${serverSaid})` : ''}`,
        { cause: error },
      );
    case SftpStatus.OP_UNSUPPORTED:
      return new AppError('unsupported', `The server does not support this operation${at}`, { cause: error });
    case SftpStatus.NO_CONNECTION:
    case SftpStatus.CONNECTION_LOST:
      return new AppError('network', 'The connection to the server was lost.', { cause: error });
    case SftpStatus.BAD_MESSAGE:
      return new AppError('internal', `The server did not understand a request${at}`, { cause: error });
    default:
      return new AppError('internal', `Unexpected end of file${at}`, { cause: error });
  }
}

/** ssh2's connection-level errors (they carry a `level`) and channel errors, in words. */
export function translateSshClientError(error: unknown): AppError | undefined {
  const e = asSsh2Error(error);
  if (!e) return undefined;
  const message = e.message ?? '';
  const level = typeof e.level === 'string' ? e.level : undefined;
  const make = (kind: AppError['kind'], text: string) => new AppError(kind, text, { cause: error });

  if (level === 'client-authentication' && /All configured authentication methods failed/.test(message)) {
    return make('auth', 'The server refused the login: the user name, password or key is wrong.');
  }
  if (level === 'client-timeout') {
    return /keepalive/i.test(message)
      ? make('network', 'The server stopped answering (keepalive timed out).')
      : make('network', 'The server did not answer in time.');
  }
  if (level === 'client-dns') return make('network', 'Cannot reach the server: the host name could not be found.');
  if (level === 'agent') return make('auth', `The SSH agent could not be used: ${message}`);
  if (/Host denied \(verification failed\)/.test(message)) {
    return make('auth', "The server's host key was not accepted.");
  }
  if (/no matching|handshake failed/i.test(message)) {
    return make('unsupported', `The server and Stowage share no SSH algorithm they both accept (${message}).`);
  }
  if (/Connection lost before handshake/.test(message)) {
    return make('network', 'The connection closed before SSH started: is this an SSH server, and does it let you in?');
  }
  if (/^No response from server$|^Not connected$/.test(message)) {
    return make('network', 'The connection to the server was lost.');
  }
  if (/Unable to start subsystem: sftp/.test(message)) {
    return make('unsupported', 'The server does not offer SFTP (its sftp subsystem is turned off).');
  }
  if (/Channel open failure/.test(message)) {
    return make('network', `The server would not open another channel (${message}).`);
  }
  if (level === 'client-socket') {
    return translateNodeError(error) ?? make('network', `Cannot reach the server: ${message}`);
  }
  return undefined;
}

/** For the IPC layer: any SFTP or SSH error this module lets through, explained. */
export const sftpErrorTranslator: ErrorTranslator = (error) => {
  if (isAppError(error)) return error;
  return translateSftpStatus(error) ?? translateSshClientError(error);
};

/** Explains an error from an operation on `path` (SFTP status, SSH, or local Node errors). */
export function remoteError(error: unknown, path?: string): AppError {
  if (isAppError(error)) return error;
  return (
    translateSftpStatus(error, path) ??
    translateSshClientError(error) ??
    translateNodeError(error) ??
    new AppError('internal', `Something went wrong${path ? ` with ${path}` : ''}: ${(error as Error)?.message ?? String(error)}`, {
      cause: error,
    })
  );
}
