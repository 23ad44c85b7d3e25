import { AppError, type ErrorTranslator } from '../errors.js';
import { tlsErrorTranslator } from '../net/tlsErrors.js';

interface ServiceErrorLike {
  name?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $fault?: string;
}

const byName: Record<string, [AppError['kind'], string]> = {
  InvalidAccessKeyId: ['auth', 'The access key or secret key is wrong.'],
  SignatureDoesNotMatch: ['auth', 'The access key or secret key is wrong.'],
  InvalidClientTokenId: ['auth', 'The access key or secret key is wrong.'],
  ExpiredToken: ['auth', 'The session credentials have expired: enter fresh credentials to continue.'],
  TokenRefreshRequired: ['auth', 'The session credentials have expired: enter fresh credentials to continue.'],
  InvalidToken: ['auth', 'The session token is not valid.'],
  AccessDenied: ['permission', 'Access denied: these credentials are not allowed to do that.'],
  AllAccessDisabled: ['permission', 'All access to this object has been disabled.'],
  AccountProblem: ['permission', 'There is a problem with the AWS account.'],
  NoSuchBucket: ['notFound', 'The bucket does not exist.'],
  NoSuchKey: ['notFound', 'The object does not exist (it may have been deleted).'],
  NotFound: ['notFound', 'Not found.'],
  NoSuchUpload: ['notFound', 'The multipart upload no longer exists on the server.'],
  BucketAlreadyExists: ['conflict', 'A bucket with that name already exists (bucket names are global).'],
  BucketAlreadyOwnedByYou: ['conflict', 'You already own a bucket with that name.'],
  BucketNotEmpty: ['conflict', 'The bucket is not empty.'],
  PreconditionFailed: ['conflict', 'The object changed on the server meanwhile.'],
  InvalidBucketName: ['invalidInput', 'That is not a valid bucket name.'],
  KeyTooLongError: ['invalidInput', 'The object key is longer than S3 allows (1,024 bytes).'],
  EntityTooLarge: ['invalidInput', 'The object is larger than S3 allows in one request.'],
  InvalidObjectState: ['conflict', 'The object is archived (Glacier or Deep Archive): restore it first.'],
  NotImplemented: ['unsupported', 'This server does not support that operation.'],
  SlowDown: ['network', 'The server asks to slow down (throttling): try again shortly.'],
  ServiceUnavailable: ['network', 'The service is unavailable right now: try again shortly.'],
  RequestTimeout: ['network', 'The server timed out waiting for data.'],
  TimeoutError: ['network', 'The server did not answer in time.'],
  RequestTimeTooSkewed: ['auth', "The computer's clock is too far off the server's: fix the system time."],
  CredentialsProviderError: ['auth', 'No credentials could be loaded for this connection.'],
  PermanentRedirect: ['invalidInput', 'The bucket lives in another region or endpoint.'],
};

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
    const [kind, message] = known;
    if (name === 'CredentialsProviderError' && e.message) {
      return new AppError(kind, `No credentials could be loaded: ${e.message}`, { cause: error });
    }
    return new AppError(kind, message, { cause: error });
  }
  if (!isServiceError(error)) return undefined;
  const status = e.$metadata?.httpStatusCode;
  if (status === 403) return new AppError('permission', byName.AccessDenied![1], { cause: error });
  if (status === 404) return new AppError('notFound', 'Not found.', { cause: error });
  if (status === 501) return new AppError('unsupported', byName.NotImplemented![1], { cause: error });
  if (status && status >= 500) {
    return new AppError('network', `The server had a problem (HTTP ${status}): try again.`, { cause: error });
  }
  if (status && e.message && e.message !== 'UnknownError') {
    return new AppError('internal', `The server answered: ${e.message}`, { cause: error });
  }
  return undefined;
};
