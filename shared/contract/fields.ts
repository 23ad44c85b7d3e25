import { z } from 'zod';

/** No file system or S3 key can hold a NUL: refused here, before it reaches the S3 or SFTP code. */
export const noNulMessage = 'Names and paths cannot contain a NUL character';
export const withoutNul = (value: string) => !value.includes('\0');

/** Request fields several domains share. */
export const id = z.string().min(1).max(64);
export const remotePath = z.string().min(1).max(8192).refine(withoutNul, noNulMessage);
export const localPath = z.string().min(1).max(8192).refine(withoutNul, noNulMessage);
export const ids = z.object({ ids: z.array(id).min(1).max(100_000) });
export const nothing = z.object({}).strict();

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
