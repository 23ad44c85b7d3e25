/**
 * The one way the renderer talks to main: `window.stowage` (built by the preload, or by
 * the e2e bridge), plus `unwrap()` which turns a `Result` into a value or an `ApiError`.
 */
import type { StowageApi } from '../../../shared/api.js';
import type { ErrorKind, IpcError, Result } from '../../../shared/errors.js';
import { errorText } from '../i18n/errorText.js';

declare global {
  interface Window {
    stowage?: StowageApi;
  }
}

/** An error from main: `message` is its sentence for people, in the user's language. */
export class ApiError extends Error {
  readonly kind: ErrorKind;
  /** The sentence in English whatever the user's language (for matching, never for showing). */
  readonly englishMessage: string;
  /** The sentence's catalog key, when the core sent one (what a caller matches a known failure by). */
  readonly code: string | undefined;

  constructor(error: IpcError) {
    super(errorText(error));
    this.name = 'ApiError';
    this.kind = error.kind;
    this.englishMessage = error.message;
    this.code = error.code;
  }
}

export function hasApi(): boolean {
  return typeof window !== 'undefined' && window.stowage !== undefined;
}

/** `window.stowage`, typed. Throws when the page runs outside the app. */
export function api(): StowageApi {
  const value = window.stowage;
  if (!value) throw new ApiError({ kind: 'internal', code: 'errors:notConnected', message: 'Stowage is not connected to its main process.' });
  return value;
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await pending;
  } catch (error) {
    // The transport itself failed (the bridge went away, IPC threw): still show a sentence.
    const message = error instanceof Error ? error.message : String(error);
    throw new ApiError({ kind: 'internal', code: 'errors:internal', params: { detail: message }, message: `Something went wrong: ${message}` });
  }
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

/** The human message of anything caught. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ kind: 'internal', message: errorMessage(error) });
}

export function isCancelled(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'cancelled';
}
