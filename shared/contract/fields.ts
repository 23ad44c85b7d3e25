import { z } from 'zod';

/**
 * No file system or S3 key can hold a NUL: refused here, before it reaches the S3 or SFTP code.
 * The contract's refusal messages are catalog keys (`coreIpc:refused.*`): the core's
 * dispatcher turns them into the whole sentence, with the field's path.
 */
export const noNulMessage = 'coreIpc:refused.noNul';
export const withoutNul = (value: string) => !value.includes('\0');

/** Request fields several domains share. */
export const id = z.string().min(1).max(64);
export const remotePath = z.string().min(1).max(8192).refine(withoutNul, noNulMessage);
export const localPath = z.string().min(1).max(8192).refine(withoutNul, noNulMessage);
export const ids = z.object({ ids: z.array(id).min(1).max(100_000) });
export const nothing = z.object({}).strict();

/**
 * A name made inside a folder (a new folder or file): one path segment, so no "/", and not
 * "." or "..", which name the folder itself or its parent. S3 keys allow 1024 bytes, SFTP
 * servers' file systems 255.
 */
export const childName = (noun: 'folder' | 'file', maxLength: number) =>
  z
    .string()
    .min(1)
    .max(maxLength)
    .refine((n) => !n.includes('/'), noun === 'folder' ? 'coreIpc:refused.folderSlash' : 'coreIpc:refused.fileSlash')
    .refine((n) => n !== '.' && n !== '..', noun === 'folder' ? 'coreIpc:refused.folderDots' : 'coreIpc:refused.fileDots')
    .refine(withoutNul, noNulMessage);

/**
 * A record as it arrived, before zod copies it: JSON.parse and structured clone keep an own
 * `__proto__` key, which a zod record drops without a word. Such a name is refused instead.
 */
export function withoutProtoKey<T extends z.ZodType<Record<string, string>>>(record: T, message: string) {
  return z.preprocess((raw: z.input<T>, ctx) => {
    if (raw !== null && typeof raw === 'object' && Object.hasOwn(raw, '__proto__')) {
      ctx.addIssue({ code: 'custom', message, input: raw });
    }
    return raw;
  }, record);
}
