import { z } from 'zod';
import type { FileEntry } from '../files.js';
import { event, op } from './define.js';
import { id, noNulMessage, nothing, remotePath, withoutNul } from './fields.js';

/** What a recursive change did: items changed, and those that could not be (with why). */
export interface ChmodReport {
  changed: number;
  failed: { path: string; message: string }[];
}

/** One `Host` block of ~/.ssh/config, resolved like `ssh -G` would for the basics. */
export interface SshConfigHost {
  /** The alias after `Host` (patterns like `*` are skipped). */
  alias: string;
  host: string;
  port: number;
  username?: string;
  identityFile?: string;
  proxyJump?: string;
}

/** A remote file opened in the local default editor, watched for saves. */
export interface EditSession {
  editId: string;
  connectionId: string;
  remotePath: string;
  localPath: string;
}

export type EditEvent =
  | { editId: string; remotePath: string; state: 'uploaded'; at: number }
  | { editId: string; remotePath: string; state: 'conflict'; message: string }
  | { editId: string; remotePath: string; state: 'failed'; message: string };

/** SFTP-only operations (chmod, ssh config import, open in editor...). */
export const sftpOperations = {
  'sftp:chmod': op<ChmodReport>()(
    z.object({
      connectionId: id,
      path: remotePath,
      mode: z.number().int().min(0).max(0o7777),
      recursive: z.boolean().default(false),
    }),
  ),
  'sftp:createFile': op<FileEntry>()(
    z.object({
      connectionId: id,
      parentPath: remotePath,
      name: z
        .string()
        .min(1)
        .max(255)
        .refine((n) => !n.includes('/') && n !== '.' && n !== '..', 'A file name cannot contain "/"')
        .refine(withoutNul, noNulMessage),
    }),
  ),
  /** Hosts in ~/.ssh/config, ready to become saved connections. */
  'sftp:readSshConfig': op<SshConfigHost[]>()(nothing),
  /** Downloads a temp copy, opens it in the default app, uploads it again on every save. */
  'sftp:openInEditor': op<EditSession>()(z.object({ connectionId: id, path: remotePath })),
  'sftp:stopEditing': op<void>()(z.object({ editId: z.string().uuid() })),
};

export const sftpEvents = {
  /** A watched temp copy was uploaded, or could not be (conflict, failure). */
  'sftp:edit': event<EditEvent>(),
};
