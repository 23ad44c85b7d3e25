import type { ErrorKind } from '../../../shared/errors.js';
import type { PathFailure } from '../../../shared/files.js';
import { codedError, isAppError, translateNodeError, type AppError, type ErrorTranslator } from '../errors.js';

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

/** A status's kind and sentence, without and with the path it was about. */
interface StatusSentence {
  kind: ErrorKind;
  key: string;
  keyAt: string;
}

/** SFTP status codes → their kind and catalog sentences (FAILURE, which quotes the server, is `failure` below). */
const statusSentences: Record<number, StatusSentence> = {
  [SftpStatus.EOF]: { kind: 'internal', key: 'coreSftp:status.eof', keyAt: 'coreSftp:status.eofAt' },
  [SftpStatus.NO_SUCH_FILE]: { kind: 'notFound', key: 'coreSftp:status.noSuchFile', keyAt: 'coreSftp:status.noSuchFileAt' },
  [SftpStatus.PERMISSION_DENIED]: { kind: 'permission', key: 'coreSftp:status.denied', keyAt: 'coreSftp:status.deniedAt' },
  [SftpStatus.FAILURE]: { kind: 'conflict', key: 'coreSftp:status.failure', keyAt: 'coreSftp:status.failureAt' },
  [SftpStatus.BAD_MESSAGE]: { kind: 'internal', key: 'coreSftp:status.badMessage', keyAt: 'coreSftp:status.badMessageAt' },
  [SftpStatus.NO_CONNECTION]: { kind: 'network', key: 'coreSftp:connectionLost', keyAt: 'coreSftp:connectionLost' },
  [SftpStatus.CONNECTION_LOST]: { kind: 'network', key: 'coreSftp:connectionLost', keyAt: 'coreSftp:connectionLost' },
  [SftpStatus.OP_UNSUPPORTED]: { kind: 'unsupported', key: 'coreSftp:status.unsupported', keyAt: 'coreSftp:status.unsupportedAt' },
};

/** FAILURE with the server's own words when it said more than "Failure". */
const failureSaid = { key: 'coreSftp:status.failureSaid', keyAt: 'coreSftp:status.failureAtSaid' };

/** An SFTP status error about one path, in words. */
export function translateSftpStatus(error: unknown, path?: string): AppError | undefined {
  const status = sftpStatusOf(error);
  if (status === undefined) return undefined;
  const sentence = statusSentences[status] ?? statusSentences[SftpStatus.EOF]!;
  const serverSaid = (error as Error).message;
  const said = status === SftpStatus.FAILURE && serverSaid && serverSaid !== 'Failure' ? failureSaid : undefined;
  const key = path ? (said ?? sentence).keyAt : (said ?? sentence).key;
  const params = { ...(path ? { path } : {}), ...(said ? { detail: serverSaid } : {}) };
  return codedError(sentence.kind, key, Object.keys(params).length ? params : undefined, error);
}

/** One kind of ssh2 error: how to recognise it, its kind and sentence, and whether the sentence quotes ssh2's message. */
interface SshSentence {
  matches(message: string, level: string | undefined): boolean;
  kind: ErrorKind;
  key: string;
  quotes?: boolean;
}

/** ssh2's connection-level errors (they carry a `level`) and channel errors → their sentences, first match wins. */
const sshSentences: SshSentence[] = [
  { matches: (m, l) => l === 'client-authentication' && /All configured authentication methods failed/.test(m), kind: 'auth', key: 'coreSftp:ssh.loginRefused' },
  { matches: (m, l) => l === 'client-timeout' && /keepalive/i.test(m), kind: 'network', key: 'coreSftp:ssh.keepalive' },
  { matches: (_, l) => l === 'client-timeout', kind: 'network', key: 'coreSftp:ssh.timeout' },
  { matches: (_, l) => l === 'client-dns', kind: 'network', key: 'coreSftp:ssh.hostNotFound' },
  { matches: (_, l) => l === 'agent', kind: 'auth', key: 'coreSftp:ssh.agent', quotes: true },
  { matches: (m) => /Host denied \(verification failed\)/.test(m), kind: 'auth', key: 'coreSftp:ssh.hostKeyRefused' },
  { matches: (m) => /no matching|handshake failed/i.test(m), kind: 'unsupported', key: 'coreSftp:ssh.noAlgorithm', quotes: true },
  { matches: (m) => /Connection lost before handshake/.test(m), kind: 'network', key: 'coreSftp:ssh.closedBeforeHandshake' },
  { matches: (m) => /^No response from server$|^Not connected$/.test(m), kind: 'network', key: 'coreSftp:connectionLost' },
  { matches: (m) => /Unable to start subsystem: sftp/.test(m), kind: 'unsupported', key: 'coreSftp:ssh.noSftp' },
  { matches: (m) => /Channel open failure/.test(m), kind: 'network', key: 'coreSftp:ssh.noChannel', quotes: true },
];

/** ssh2's connection-level errors (they carry a `level`) and channel errors, in words. */
export function translateSshClientError(error: unknown): AppError | undefined {
  const e = asSsh2Error(error);
  if (!e) return undefined;
  const message = e.message ?? '';
  const level = typeof e.level === 'string' ? e.level : undefined;
  const known = sshSentences.find((s) => s.matches(message, level));
  if (known) return codedError(known.kind, known.key, known.quotes ? { detail: message } : undefined, error);
  if (level === 'client-socket') {
    return translateNodeError(error) ?? codedError('network', 'coreSftp:ssh.unreachable', { detail: message }, error);
  }
  return undefined;
}

/** For the IPC layer: any SFTP or SSH error this module lets through, explained. */
export const sftpErrorTranslator: ErrorTranslator = (error) => {
  if (isAppError(error)) return error;
  return translateSftpStatus(error) ?? translateSshClientError(error);
};

/** One path's failure in a report of many (delete, chmod): its sentence and catalog code. */
export function pathFailure(path: string, error: AppError): PathFailure {
  return { path, message: error.message, ...(error.code ? { code: error.code } : {}), ...(error.params ? { params: error.params } : {}) };
}

/** Explains an error from an operation on `path` (SFTP status, SSH, or local Node errors). */
export function remoteError(error: unknown, path?: string): AppError {
  if (isAppError(error)) return error;
  const detail = (error as Error)?.message ?? String(error);
  return (
    translateSftpStatus(error, path) ??
    translateSshClientError(error) ??
    translateNodeError(error) ??
    (path ? codedError('internal', 'coreSftp:internalAt', { path, detail }, error) : codedError('internal', 'errors:internal', { detail }, error))
  );
}
