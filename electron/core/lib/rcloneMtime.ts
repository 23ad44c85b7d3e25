/**
 * A file's modification time as S3 user metadata `mtime`, in rclone's form (Unix seconds with
 * a decimal fraction, nine digits of nanoseconds, "1700000000.123456789"), so rclone and
 * Stowage read each other's uploads and copies.
 */
export const mtimeMetadataKey = 'mtime';

export function mtimeToMetadata(ms: number): string {
  const whole = Math.floor(ms / 1000);
  const nanos = Math.round((ms - whole * 1000) * 1e6);
  return `${whole}.${String(nanos).padStart(9, '0')}`;
}

/** Milliseconds from an `mtime` value; undefined when it is not a number of seconds. */
export function mtimeFromMetadata(value: string | undefined): number | undefined {
  if (!value || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
  const [whole, fraction = ''] = value.trim().split('.');
  return Number(whole) * 1000 + Number(`0.${fraction || '0'}`) * 1000;
}

/** From a local file's nanosecond time, so no digit is lost. */
export function mtimeNsToMetadata(mtimeNs: bigint): string {
  const seconds = mtimeNs / 1_000_000_000n;
  const nanos = mtimeNs % 1_000_000_000n;
  return `${seconds}.${nanos.toString().padStart(9, '0')}`;
}
