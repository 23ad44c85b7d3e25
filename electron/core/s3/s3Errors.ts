import { codedError, credentialsRefused, type AppError, type ErrorTranslator } from '../errors.js';
import { tlsErrorTranslator } from '../net/tlsErrors.js';

interface ServiceErrorLike {
  name?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $fault?: string;
}

/** S3 and STS error codes → their kind and sentence in the `coreS3` catalog. */
const byName: Record<string, [AppError['kind'], string]> = {
  InvalidAccessKeyId: ['auth', 'coreS3:service.wrongKeys'],
  SignatureDoesNotMatch: ['auth', 'coreS3:service.wrongKeys'],
  InvalidClientTokenId: ['auth', 'coreS3:service.wrongKeys'],
  ExpiredToken: ['auth', 'coreS3:service.sessionExpired'],
  TokenRefreshRequired: ['auth', 'coreS3:service.sessionExpired'],
  InvalidToken: ['auth', 'coreS3:service.invalidToken'],
  AccessDenied: ['permission', 'coreS3:service.accessDenied'],
  AllAccessDisabled: ['permission', 'coreS3:service.allAccessDisabled'],
  AccountProblem: ['permission', 'coreS3:service.accountProblem'],
  NoSuchBucket: ['notFound', 'coreS3:service.noSuchBucket'],
  NoSuchKey: ['notFound', 'coreS3:service.noSuchKey'],
  NotFound: ['notFound', 'coreS3:service.notFound'],
  NoSuchUpload: ['notFound', 'coreS3:service.noSuchUpload'],
  BucketAlreadyExists: ['conflict', 'coreS3:service.bucketAlreadyExists'],
  BucketAlreadyOwnedByYou: ['conflict', 'coreS3:service.bucketAlreadyOwnedByYou'],
  BucketNotEmpty: ['conflict', 'coreS3:service.bucketNotEmpty'],
  PreconditionFailed: ['conflict', 'coreS3:service.preconditionFailed'],
  InvalidBucketName: ['invalidInput', 'coreS3:service.invalidBucketName'],
  KeyTooLongError: ['invalidInput', 'coreS3:service.keyTooLong'],
  EntityTooLarge: ['invalidInput', 'coreS3:service.entityTooLarge'],
  InvalidObjectState: ['conflict', 'coreS3:service.invalidObjectState'],
  NotImplemented: ['unsupported', 'coreS3:service.notImplemented'],
  SlowDown: ['network', 'coreS3:service.slowDown'],
  ServiceUnavailable: ['network', 'coreS3:service.serviceUnavailable'],
  RequestTimeout: ['network', 'coreS3:service.requestTimeout'],
  TimeoutError: ['network', 'coreS3:service.timedOut'],
  RequestTimeTooSkewed: ['auth', 'coreS3:service.clockSkewed'],
  CredentialsProviderError: ['auth', 'coreS3:service.noCredentials'],
  PermanentRedirect: ['invalidInput', 'coreS3:service.permanentRedirect'],
};

/** Codes that mean the keys themselves were refused: worth typing them again. */
const refusedCredentials = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidClientTokenId', 'ExpiredToken', 'TokenRefreshRequired', 'InvalidToken']);

/** The HTTP status an S3 answer carried (the SDK keeps it in `$metadata`); undefined for errors that never reached a server. */
export function httpStatusOf(error: unknown): number | undefined {
  return (error as ServiceErrorLike | null)?.$metadata?.httpStatusCode;
}

function isServiceError(error: unknown): error is ServiceErrorLike {
  return typeof error === 'object' && error !== null && ('$metadata' in error || '$fault' in error);
}

/** Explains AWS SDK errors (S3 and STS) in words a user can act on; a failed TLS handshake first (it carries no service code). */
export const s3ErrorTranslator: ErrorTranslator = (error) => {
  if (typeof error !== 'object' || error === null) return undefined;
  const tls = tlsErrorTranslator(error);
  if (tls) return tls;
  const e = error as ServiceErrorLike;
  const name = e.Code ?? e.name ?? '';
  const known = byName[name];
  if (known) {
    const [kind, code] = known;
    if (name === 'CredentialsProviderError' && e.message) {
      // The SDK's own words say which source failed (a profile, a process, a file).
      return codedError(kind, 'coreS3:service.noCredentialsDetail', { detail: e.message }, error);
    }
    if (refusedCredentials.has(name)) return credentialsRefused(code, undefined, error);
    return codedError(kind, code, undefined, error);
  }
  if (!isServiceError(error)) return undefined;
  const status = e.$metadata?.httpStatusCode;
  if (status === 403) return codedError('permission', 'coreS3:service.accessDenied', undefined, error);
  if (status === 404) return codedError('notFound', 'coreS3:service.notFound', undefined, error);
  if (status === 501) return codedError('unsupported', 'coreS3:service.notImplemented', undefined, error);
  if (status && status >= 500) return codedError('network', 'coreS3:service.serverError', { status }, error);
  if (status && e.message && e.message !== 'UnknownError') {
    return codedError('internal', 'coreS3:service.serverAnswered', { detail: e.message }, error);
  }
  return undefined;
};
