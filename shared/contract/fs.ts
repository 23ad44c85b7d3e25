import { z } from 'zod';
import type { DeleteReport, FileEntry, ListPage, TreeSummary } from '../files.js';
import type { MessageParams } from '../errors.js';
import { event, op } from './define.js';
import { childName, id, remotePath } from './fields.js';

const paths = z.array(remotePath).min(1).max(100_000);
/** A client-made id: the handler then sends `fs:progress` for it and `fs:cancel` can stop it. */
const operationId = id.optional();

/** How far a long copy, move or delete has got (`total` is counted before it starts). */
export interface FsProgress {
  operationId: string;
  verb: 'copy' | 'move' | 'delete';
  done: number;
  total: number;
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
  /** `message` in English; `code` and `params` its catalog sentence, shown in the user's language. */
  | { editId: string; remotePath: string; state: 'conflict' | 'failed'; message: string; code?: string; params?: MessageParams };

/** The browser model both protocols share. */
export const fsOperations = {
  'fs:list': op<ListPage>()(z.object({ connectionId: id, path: remotePath, cursor: z.string().max(8192).optional() })),
  'fs:mkdir': op<FileEntry>()(
    z.object({
      connectionId: id,
      parentPath: remotePath,
      name: childName('folder', 1024),
    }),
  ),
  'fs:stat': op<FileEntry>()(z.object({ connectionId: id, path: remotePath })),
  'fs:summarize': op<TreeSummary>()(z.object({ connectionId: id, paths })),
  'fs:delete': op<DeleteReport>()(z.object({ connectionId: id, paths, operationId })),
  'fs:rename': op<void>()(z.object({ connectionId: id, from: remotePath, to: remotePath, operationId })),
  'fs:copy': op<void>()(z.object({ connectionId: id, from: remotePath, to: remotePath, operationId })),
  /** Copies a file or folder beside itself as "name copy.ext" (or "copy 2"...) and answers the new entry. */
  'fs:duplicate': op<FileEntry>()(
    z.object({
      connectionId: id,
      path: remotePath,
      operationId,
      /** "copy" in the window's language, for the new name. */
      copyWord: z.string().min(1).max(40).regex(/^[^/\\\0]+$/u).optional(),
    }),
  ),
  /** Stops a running copy, move or delete; it then fails with kind 'cancelled'. */
  'fs:cancel': op<void>()(z.object({ operationId: id })),
  /** Downloads a temp copy, opens it in the default app, uploads it again on every save unless it changed on the server. */
  'fs:openInEditor': op<EditSession>()(z.object({ connectionId: id, path: remotePath })),
  'fs:stopEditing': op<void>()(z.object({ editId: z.string().uuid() })),
};

export const fsEvents = {
  'fs:progress': event<FsProgress>(),
  /** A watched temp copy was uploaded, or could not be (changed on the server, failure). */
  'fs:edit': event<EditEvent>(),
};
