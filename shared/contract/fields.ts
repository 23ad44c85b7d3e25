import { z } from 'zod';

/** Request fields several domains share. */
export const id = z.string().min(1).max(64);
export const remotePath = z.string().min(1).max(8192);
export const localPath = z.string().min(1).max(8192);
export const ids = z.object({ ids: z.array(id).min(1).max(100_000) });
export const nothing = z.object({}).strict();
