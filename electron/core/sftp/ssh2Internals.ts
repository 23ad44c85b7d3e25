/**
 * What ssh2's SFTP object carries but @types/ssh2 leaves out, declared once here so the
 * channel reads it typed: the limits the server announced (limits@openssh.com) and the
 * extensions it offered in its VERSION reply.
 */
import 'ssh2';

declare module 'ssh2' {
  interface SFTPWrapper {
    readonly _maxReadLen?: number;
    readonly _maxWriteLen?: number;
    readonly _extensions?: Record<string, string>;
  }
}
