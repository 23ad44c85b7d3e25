/**
 * Bucket settings as the UI sees them: one panel per setting. A panel is either the
 * setting's current state or "this server does not support it" (Ceph RGW lacks some).
 */

export type Panel<T> = { supported: true; value: T } | { supported: false; message: string };

export type VersioningStatus = 'Never enabled' | 'Enabled' | 'Suspended';

export interface PublicAccessBlock {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

export interface PublicStatus {
  /** GetBucketPolicyStatus: the policy makes the bucket public. */
  policyIsPublic: boolean;
  /** The bucket ACL grants something to AllUsers or AuthenticatedUsers. */
  aclGrantsPublic: string[];
  /** Either of the above. */
  isPublic: boolean;
}

export interface WebsiteRoutingRule {
  Condition?: { KeyPrefixEquals?: string; HttpErrorCodeReturnedEquals?: string };
  Redirect: {
    HostName?: string;
    HttpRedirectCode?: string;
    Protocol?: 'http' | 'https';
    ReplaceKeyPrefixWith?: string;
    ReplaceKeyWith?: string;
  };
}

export type WebsiteConfig =
  | { mode: 'off' }
  | { mode: 'site'; indexDocument: string; errorDocument?: string; routingRules?: WebsiteRoutingRule[] }
  | { mode: 'redirect'; hostName: string; protocol?: 'http' | 'https' };

export interface WebsiteState {
  config: WebsiteConfig;
  /** Where the site is served, in the format of the bucket's region or server. */
  endpoint: string;
}

export interface LifecycleTransition {
  days: number;
  storageClass: string;
}

export interface LifecycleRule {
  id: string;
  enabled: boolean;
  prefix?: string;
  tag?: { key: string; value: string };
  transitions?: LifecycleTransition[];
  expirationDays?: number;
  noncurrentExpirationDays?: number;
  abortIncompleteMultipartDays?: number;
}

export type CorsMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'HEAD';

export interface CorsRule {
  allowedOrigins: string[];
  allowedMethods: CorsMethod[];
  allowedHeaders?: string[];
  exposeHeaders?: string[];
  maxAgeSeconds?: number;
}

export type Encryption = { kind: 'none' } | { kind: 'SSE-S3' } | { kind: 'SSE-KMS'; keyId?: string; bucketKey?: boolean };

export interface Tag {
  key: string;
  value: string;
}

export interface BucketSettings {
  bucket: string;
  region: string;
  versioning: Panel<VersioningStatus>;
  publicAccessBlock: Panel<PublicAccessBlock>;
  /** Account-level Block Public Access (read only); unsupported when it cannot be read. */
  accountPublicAccessBlock: Panel<PublicAccessBlock>;
  publicStatus: Panel<PublicStatus>;
  website: Panel<WebsiteState>;
  lifecycle: Panel<LifecycleRule[]>;
  cors: Panel<CorsRule[]>;
  tags: Panel<Tag[]>;
  /** The bucket policy as pretty JSON, or '' when there is none. */
  policy: Panel<string>;
  encryption: Panel<Encryption>;
  /** Server access logging: where the access log of this bucket is written. */
  logging: Panel<LoggingConfig>;
  /** Requester pays: whether the requester, not the owner, pays for requests and downloads. */
  requesterPays: Panel<boolean>;
}

export type LoggingConfig = { enabled: false } | { enabled: true; targetBucket: string; targetPrefix: string };

/** A warning for a logging target that works but is a bad idea; null when fine. */
export function loggingWarning(bucket: string, config: LoggingConfig): string | null {
  if (!config.enabled || config.targetBucket !== bucket) return null;
  return 'The logs would be written into the bucket they describe: every log delivery is itself logged, so the logs grow without end and lifecycle rules get harder. Use a separate bucket.';
}

export interface ObjectVersion {
  key: string;
  versionId: string;
  isLatest: boolean;
  isDeleteMarker: boolean;
  size: number;
  /** Epoch milliseconds. */
  modified: number;
  storageClass?: string;
  etag?: string;
}

export type RestoreTier = 'Expedited' | 'Standard' | 'Bulk';

/** From `x-amz-restore`: not requested, in progress, or available until a date. */
export type RestoreStatus =
  | { state: 'archived' }
  | { state: 'inProgress' }
  | { state: 'restored'; expires?: number }
  | { state: 'notArchived' };

export interface EmptyBucketCount {
  versions: number;
  deleteMarkers: number;
}

export const storageClasses = [
  'STANDARD',
  'INTELLIGENT_TIERING',
  'STANDARD_IA',
  'ONEZONE_IA',
  'GLACIER_IR',
  'GLACIER',
  'DEEP_ARCHIVE',
  'REDUCED_REDUNDANCY',
] as const;

export type StorageClass = (typeof storageClasses)[number];

/** Classes whose objects must be restored before they can be read. */
export const archivedClasses: readonly string[] = ['GLACIER', 'DEEP_ARCHIVE'];

/** Expedited retrieval exists for Glacier Flexible Retrieval, not for Deep Archive. */
export function restoreTiersFor(storageClass: string): RestoreTier[] {
  return storageClass === 'DEEP_ARCHIVE' ? ['Standard', 'Bulk'] : ['Expedited', 'Standard', 'Bulk'];
}

/**
 * S3's bucket naming rules (general purpose buckets). Returns the first broken rule as a
 * sentence, or null when the name is valid.
 */
export function bucketNameProblem(name: string): string | null {
  if (name.length < 3) return 'Bucket names are at least 3 characters long.';
  if (name.length > 63) return 'Bucket names are at most 63 characters long.';
  if (/[A-Z]/.test(name)) return 'Bucket names cannot contain uppercase letters.';
  if (/[^a-z0-9.-]/.test(name)) return 'Bucket names may only contain lowercase letters, digits, dots (.) and hyphens (-).';
  if (!/^[a-z0-9]/.test(name)) return 'Bucket names must begin with a letter or a digit.';
  if (!/[a-z0-9]$/.test(name)) return 'Bucket names must end with a letter or a digit.';
  if (name.includes('..')) return 'Bucket names cannot contain two dots in a row.';
  if (/\.-|-\./.test(name)) return 'Bucket names cannot have a dot next to a hyphen.';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return 'Bucket names cannot look like an IP address (such as 192.168.5.4).';
  for (const prefix of ['xn--', 'sthree-', 'amzn-s3-demo-']) {
    if (name.startsWith(prefix)) return `Bucket names cannot start with "${prefix}".`;
  }
  for (const suffix of ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3']) {
    if (name.endsWith(suffix)) return `Bucket names cannot end with "${suffix}".`;
  }
  return null;
}

/**
 * Checks a bucket policy's shape before it is sent: JSON, a Statement list, each with
 * Effect, Action and Resource. The server's own verdict is shown when it rejects it.
 */
export function policyProblem(text: string): string | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return `The policy is not valid JSON: ${(error as Error).message}`;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'A policy is a JSON object.';
  const statements = (doc as { Statement?: unknown }).Statement;
  const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
  if (list.length === 0) return 'A policy needs a "Statement" with at least one statement.';
  for (const [i, s] of list.entries()) {
    const where = `Statement ${i + 1}`;
    if (typeof s !== 'object' || s === null) return `${where} is not an object.`;
    const st = s as Record<string, unknown>;
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') return `${where}: "Effect" must be "Allow" or "Deny".`;
    if (!('Action' in st) && !('NotAction' in st)) return `${where} has no "Action".`;
    if (!('Resource' in st) && !('NotResource' in st)) return `${where} has no "Resource".`;
    if (!('Principal' in st) && !('NotPrincipal' in st)) return `${where} has no "Principal" (bucket policies need one).`;
  }
  return null;
}

/** The standard policy that lets anyone read the bucket's objects (for website hosting). */
export function publicReadPolicy(bucket: string): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PublicReadGetObject',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${bucket}/*`,
        },
      ],
    },
    null,
    2,
  );
}

/**
 * What "Make public" / "Make private" did to an object. `aclsDisabled`: the bucket's Object
 * Ownership ("Bucket owner enforced") turns ACLs off, so only a bucket policy can open it.
 */
export type ObjectAclOutcome = 'applied' | 'aclsDisabled';

/** A statement letting anyone read the objects under one prefix ('' = the whole bucket). */
export function publicReadStatement(bucket: string, prefix: string): Record<string, unknown> {
  return {
    Sid: `PublicRead-${prefix.replace(/[^A-Za-z0-9]/g, '') || 'all'}`.slice(0, 64),
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: `arn:aws:s3:::${bucket}/${prefix}*`,
  };
}
