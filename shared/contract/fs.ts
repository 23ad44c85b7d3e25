import { z } from 'zod';
import type { FileEntry, ListPage } from '../files.js';
import { op } from './define.js';
import { id, remotePath } from './fields.js';

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
};

export const fsEvents = {};
