import { z } from 'zod';
import type { DeleteReport, FileEntry, ListPage, TreeSummary } from '../files.js';
import { op } from './define.js';
import { id, remotePath } from './fields.js';

const paths = z.array(remotePath).min(1).max(100_000);

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
        .refine((n) => !n.includes('/'), 'A folder name cannot contain "/"'),
    }),
  ),
  'fs:stat': op<FileEntry>()(z.object({ connectionId: id, path: remotePath })),
  'fs:summarize': op<TreeSummary>()(z.object({ connectionId: id, paths })),
  'fs:delete': op<DeleteReport>()(z.object({ connectionId: id, paths })),
  'fs:rename': op<void>()(z.object({ connectionId: id, from: remotePath, to: remotePath })),
  'fs:copy': op<void>()(z.object({ connectionId: id, from: remotePath, to: remotePath })),
};

export const fsEvents = {};
