import type { Panel } from '../../../shared/buckets.js';
import { AppError, asAppError } from '../errors.js';
import { s3ErrorTranslator } from '../s3/s3Errors.js';

/** Error names servers give for a setting they do not implement (RGW answers several). */
const unsupportedNames = new Set(['NotImplemented', 'InvalidArgument', 'InvalidRequest', 'UnsupportedOperation', 'MethodNotAllowed']);

export const notSupportedMessage = 'Not supported by this server.';

export function errorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const e = error as { Code?: string; name?: string };
  return e.Code ?? e.name ?? '';
}

function httpStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

export function isUnsupported(error: unknown): boolean {
  return unsupportedNames.has(errorName(error)) || httpStatus(error) === 501;
}

/** Turns an S3 error into an AppError, naming unsupported settings plainly. */
export function explain(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  if (isUnsupported(error)) return new AppError('unsupported', `This server does not support ${what}.`, { cause: error });
  return asAppError(error, [s3ErrorTranslator]);
}

/** Reads one panel's state; a server that lacks the setting makes that panel alone unsupported. */
export async function readPanel<T>(read: () => Promise<T>, what: string): Promise<Panel<T>> {
  try {
    return { supported: true, value: await read() };
  } catch (error) {
    if (isUnsupported(error)) return { supported: false, message: notSupportedMessage };
    return { supported: false, message: explain(error, what).message };
  }
}

/** Runs a read whose "not configured" answer (NoSuchCORSConfiguration...) means the empty value. */
export async function orWhenMissing<T>(read: () => Promise<T>, missingNames: string[], empty: T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (missingNames.includes(errorName(error))) return empty;
    throw error;
  }
}
