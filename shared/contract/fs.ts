import { z } from 'zod';
import type { DeleteReport, FileEntry, ListPage, TreeSummary } from '../files.js';
import { event, op } from './define.js';
import { id, noNulMessage, remotePath, withoutNul } from './fields.js';

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

/** The browser model both protocols share. */
export const fsOperations = {
  'fs:list': op<ListPage>()(z.object({ connectionId: id, path: remotePath, cursor: z.string().max(8192).optional() })),
  'fs:mkdir': op<FileEntry>()(
    z.object({
      connectionId: id,
      parentPath: remotePath,
      name: z
        .string()
        .min(1)
        .max(1024)
        .refine((n) => !n.includes('/'), 'A folder name cannot contain "/"')
        .refine(withoutNul, noNulMessage),
    }),
  ),
  'fs:stat': op<FileEntry>()(z.object({ connectionId: id, path: remotePath })),
  'fs:summarize': op<TreeSummary>()(z.object({ connectionId: id, paths })),
  'fs:delete': op<DeleteReport>()(z.object({ connectionId: id, paths, operationId })),
  'fs:rename': op<void>()(z.object({ connectionId: id, from: remotePath, to: remotePath, operationId })),
  'fs:copy': op<void>()(z.object({ connectionId: id, from: remotePath, to: remotePath, operationId })),
  /** Stops a running copy, move or delete; it then fails with kind 'cancelled'. */
  'fs:cancel': op<void>()(z.object({ operationId: id })),
};

export const fsEvents = {
  'fs:progress': event<FsProgress>(),
};
