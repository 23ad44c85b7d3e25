import type { Panel } from '../../../shared/buckets.js';
import type { CatalogText } from '../../../shared/i18n/catalogText.js';
import { AppError, asAppError, codedError } from '../errors.js';
import { httpStatusOf, s3ErrorTranslator } from '../s3/s3Errors.js';

/** Error names servers give for a setting they do not implement (RGW answers several). */
const unsupportedNames = new Set(['NotImplemented', 'InvalidArgument', 'InvalidRequest', 'UnsupportedOperation', 'MethodNotAllowed']);

/** What an operation touches, each with its "This server does not support …" sentence. */
const unsupportedSentences = {
  versioning: 'coreBuckets:unsupported.versioning',
  publicAccessBlock: 'coreBuckets:unsupported.publicAccessBlock',
  accountPublicAccessBlock: 'coreBuckets:unsupported.accountPublicAccessBlock',
  policyStatus: 'coreBuckets:unsupported.policyStatus',
  website: 'coreBuckets:unsupported.website',
  lifecycle: 'coreBuckets:unsupported.lifecycle',
  cors: 'coreBuckets:unsupported.cors',
  tags: 'coreBuckets:unsupported.tags',
  policy: 'coreBuckets:unsupported.policy',
  encryption: 'coreBuckets:unsupported.encryption',
  logging: 'coreBuckets:unsupported.logging',
  requesterPays: 'coreBuckets:unsupported.requesterPays',
  storageClass: 'coreBuckets:unsupported.storageClass',
  copying: 'coreBuckets:unsupported.copying',
  objectVersions: 'coreBuckets:unsupported.objectVersions',
  restoreStatus: 'coreBuckets:unsupported.restoreStatus',
  restoring: 'coreBuckets:unsupported.restoring',
  objectLock: 'coreBuckets:unsupported.objectLock',
  accelerate: 'coreBuckets:unsupported.accelerate',
  replication: 'coreBuckets:unsupported.replication',
  notifications: 'coreBuckets:unsupported.notifications',
  creating: 'coreBuckets:unsupported.creating',
  listingVersions: 'coreBuckets:unsupported.listingVersions',
  emptying: 'coreBuckets:unsupported.emptying',
  deleting: 'coreBuckets:unsupported.deleting',
  downloadingVersions: 'coreBuckets:unsupported.downloadingVersions',
  objectAcls: 'coreBuckets:unsupported.objectAcls',
  versions: 'coreBuckets:unsupported.versions',
  deletingVersions: 'coreBuckets:unsupported.deletingVersions',
} as const;

export type BucketFeature = keyof typeof unsupportedSentences;

export function errorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const e = error as { Code?: string; name?: string };
  return e.Code ?? e.name ?? '';
}

/** What the server said when it refused a setting, for a sentence of ours to quote; undefined when it said nothing (RGW's bare answers come as 'UnknownError'). */
export function serverSentence(error: unknown): string | undefined {
  const said = (error as Error).message;
  return said && said !== 'UnknownError' ? said.replace(/\.$/, '') : undefined;
}

export function isUnsupported(error: unknown): boolean {
  return unsupportedNames.has(errorName(error)) || httpStatusOf(error) === 501;
}

/** Turns an S3 error into an AppError, naming unsupported settings plainly. */
export function explain(error: unknown, what: BucketFeature): AppError {
  if (error instanceof AppError) return error;
  if (isUnsupported(error)) return codedError('unsupported', unsupportedSentences[what], undefined, error);
  return asAppError(error, [s3ErrorTranslator]);
}

/** Reads one panel's state; a server that lacks the setting makes that panel alone unsupported. */
export async function readPanel<T>(read: () => Promise<T>, what: BucketFeature): Promise<Panel<T>> {
  try {
    return { supported: true, value: await read() };
  } catch (error) {
    if (isUnsupported(error)) return { supported: false, message: { key: 'coreBuckets:notSupported' } };
    return { supported: false, message: catalogTextOf(explain(error, what)) };
  }
}

/** An error as a panel's sentence: its code, or its message as the server's own words. */
export function catalogTextOf(error: AppError): CatalogText {
  if (error.code) return { key: error.code, ...(error.params && { params: error.params }) };
  return { key: 'coreBuckets:serverSaid', params: { detail: error.message } };
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
