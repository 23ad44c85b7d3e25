import { z } from 'zod';
import type { FileEntry, PathFailure } from '../files.js';
import { op } from './define.js';
import { childName, id, noNulMessage, nothing, remotePath, withoutNul } from './fields.js';

/** What a recursive change did: items changed, and those that could not be (with why). */
export interface ChmodReport {
  changed: number;
  failed: PathFailure[];
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
      name: childName('file', 255),
    }),
  ),
  /** A symbolic link `name` in `parentPath` pointing at `target` (absolute or relative, need not exist). */
  'sftp:symlink': op<FileEntry>()(
    z.object({
      connectionId: id,
      parentPath: remotePath,
      name: childName('file', 255),
      target: z.string().min(1, 'coreIpc:refused.linkTargetEmpty').max(4096).refine(withoutNul, noNulMessage),
    }),
  ),
  /** Hosts in ~/.ssh/config, ready to become saved connections. */
  'sftp:readSshConfig': op<SshConfigHost[]>()(nothing),
};

export const sftpEvents = {};
