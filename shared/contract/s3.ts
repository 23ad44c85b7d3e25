import { z } from 'zod';
import type { FileEntry } from '../files.js';
import { op } from './define.js';
import { id } from './fields.js';

/** S3-only operations (bucket settings have their own file). */
export const s3Operations = {
  's3:listBuckets': op<FileEntry[]>()(z.object({ connectionId: id })),
};

export const s3Events = {};
