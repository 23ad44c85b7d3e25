/**
 * Bucket settings as the UI sees them: one panel per setting. A panel is either the
 * setting's current state or "this server does not support it" (Ceph RGW lacks some).
 */

import type { CatalogText } from './i18n/catalogText.js';

/** An unsupported or unreadable panel says why as a catalog sentence (`coreBuckets:notSupported`...). */
export type Panel<T> = { supported: true; value: T } | { supported: false; message: CatalogText };

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
  /**
   * Where AWS serves the site (its format depends on the region); null for other servers,
   * whose website address depends on how they are set up (RGW: a separate website host name).
   */
  endpoint: string | null;
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
  /** Object Lock: whether the bucket has it (only set when created) and its default retention. */
  objectLock: Panel<ObjectLockConfig>;
  /** Transfer Acceleration (AWS only): unsupported at other servers. */
  accelerate: Panel<AccelerateState>;
  /** Replication rules: copies of new objects made in another bucket. */
  replication: Panel<ReplicationConfig>;
  /** Event notifications: messages sent to SNS, SQS, Lambda or EventBridge when objects change. */
  notifications: Panel<NotificationConfig>;
}

/** Classes a replica can be stored in (none keeps the source object's class). */
export const replicaStorageClasses = ['STANDARD', 'INTELLIGENT_TIERING', 'STANDARD_IA', 'ONEZONE_IA', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'] as const;

/** One replication rule (S3's V2 schema: a filter, a priority, delete-marker replication). */
export interface ReplicationRule {
  id: string;
  /**
   * The ID the rule has on the server while the form may rename it: saving keeps what the form
   * does not show (replication time, metrics, encryption...) from that rule. Absent on a new rule.
   */
  heldId?: string;
  enabled: boolean;
  /** Which rule wins when several match an object: the higher number. */
  priority: number;
  prefix?: string;
  /** Every tag must match. */
  tags?: Tag[];
  /** The destination bucket's name (S3 takes its ARN). */
  destinationBucket: string;
  /** The destination's AWS account when it is another one (12 digits). */
  destinationAccount?: string;
  /** Absent: the replica keeps the source object's class. */
  storageClass?: string;
  /** Makes the destination account own the replicas (needs the account). */
  ownerOverride?: boolean;
  deleteMarkers: boolean;
}

export interface ReplicationConfig {
  /** The IAM role S3 assumes to copy the objects; '' when there are no rules. */
  role: string;
  rules: ReplicationRule[];
  /** Whether the server is AWS: others may refuse the rules (Ceph RGW replicates through its multisite sync policy). */
  onAws: boolean;
}

export type NotificationTarget = 'topic' | 'queue' | 'lambda';

/** One notification: which events of which keys are sent where. */
export interface NotificationRule {
  id: string;
  target: NotificationTarget;
  /** The SNS topic, SQS queue or Lambda function ARN. */
  arn: string;
  events: string[];
  prefix?: string;
  suffix?: string;
}

export interface NotificationConfig {
  rules: NotificationRule[];
  /** Every event of the bucket also goes to Amazon EventBridge. */
  eventBridge: boolean;
  /** Whether the server is AWS: EventBridge, SQS and Lambda exist there only (Ceph RGW sends to its own topics). */
  onAws: boolean;
}

/** The event types S3 documents for notifications, in the console's order. */
export const notificationEvents = [
  's3:ObjectCreated:*',
  's3:ObjectCreated:Put',
  's3:ObjectCreated:Post',
  's3:ObjectCreated:Copy',
  's3:ObjectCreated:CompleteMultipartUpload',
  's3:ObjectRemoved:*',
  's3:ObjectRemoved:Delete',
  's3:ObjectRemoved:DeleteMarkerCreated',
  's3:ObjectRestore:*',
  's3:ObjectRestore:Post',
  's3:ObjectRestore:Completed',
  's3:ObjectRestore:Delete',
  's3:ReducedRedundancyLostObject',
  's3:Replication:*',
  's3:Replication:OperationFailedReplication',
  's3:Replication:OperationMissedThreshold',
  's3:Replication:OperationReplicatedAfterThreshold',
  's3:Replication:OperationNotTracked',
  's3:LifecycleExpiration:*',
  's3:LifecycleExpiration:Delete',
  's3:LifecycleExpiration:DeleteMarkerCreated',
  's3:LifecycleTransition',
  's3:IntelligentTiering',
  's3:ObjectTagging:*',
  's3:ObjectTagging:Put',
  's3:ObjectTagging:Delete',
  's3:ObjectAcl:Put',
] as const;

export type RetentionMode = 'GOVERNANCE' | 'COMPLIANCE';

/** A default retention: a mode and a period in days or in years (S3 takes one of the two). */
export interface DefaultRetention {
  mode: RetentionMode;
  days?: number;
  years?: number;
}

export interface ObjectLockConfig {
  /** Object Lock can only be enabled when the bucket is created. */
  enabled: boolean;
  /** The retention new objects get unless they say otherwise; absent when there is none. */
  defaultRetention?: DefaultRetention;
}

export interface AccelerateState {
  enabled: boolean;
  /** AWS refuses acceleration for bucket names with dots (they break the accelerate endpoint's TLS name). */
  nameHasDots: boolean;
}

export type LoggingConfig = { enabled: false } | { enabled: true; targetBucket: string; targetPrefix: string };

/** A warning for a logging target that works but is a bad idea; null when fine. */
export function loggingWarning(bucket: string, config: LoggingConfig): CatalogText | null {
  if (!config.enabled || config.targetBucket !== bucket) return null;
  return { key: 'coreBuckets:logging.selfTarget' };
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
 * catalog sentence, or null when the name is valid.
 */
export function bucketNameProblem(name: string): CatalogText | null {
  const problem = (key: string, params?: CatalogText['params']): CatalogText => ({ key, ...(params && { params }) });
  if (name.length < 3) return problem('coreBuckets:name.tooShort');
  if (name.length > 63) return problem('coreBuckets:name.tooLong');
  if (/[A-Z]/.test(name)) return problem('coreBuckets:name.uppercase');
  if (/[^a-z0-9.-]/.test(name)) return problem('coreBuckets:name.characters');
  if (!/^[a-z0-9]/.test(name)) return problem('coreBuckets:name.start');
  if (!/[a-z0-9]$/.test(name)) return problem('coreBuckets:name.end');
  if (name.includes('..')) return problem('coreBuckets:name.doubleDot');
  if (/\.-|-\./.test(name)) return problem('coreBuckets:name.dotHyphen');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return problem('coreBuckets:name.ipAddress');
  for (const prefix of ['xn--', 'sthree-', 'amzn-s3-demo-']) {
    if (name.startsWith(prefix)) return problem('coreBuckets:name.prefix', { prefix });
  }
  for (const suffix of ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3']) {
    if (name.endsWith(suffix)) return problem('coreBuckets:name.suffix', { suffix });
  }
  return null;
}

/**
 * Checks a bucket policy's shape before it is sent: JSON, a Statement list, each with
 * Effect, Action and Resource. The server's own verdict is shown when it rejects it.
 */
export function policyProblem(text: string): CatalogText | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { key: 'coreBuckets:policy.notJson', params: { detail: (error as Error).message } };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { key: 'coreBuckets:policy.notObject' };
  const statements = (doc as { Statement?: unknown }).Statement;
  const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
  if (list.length === 0) return { key: 'coreBuckets:policy.noStatement' };
  for (const [i, s] of list.entries()) {
    const params = { n: i + 1 };
    if (typeof s !== 'object' || s === null) return { key: 'coreBuckets:policy.statementNotObject', params };
    const st = s as Record<string, unknown>;
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') return { key: 'coreBuckets:policy.badEffect', params };
    if (!('Action' in st) && !('NotAction' in st)) return { key: 'coreBuckets:policy.noAction', params };
    if (!('Resource' in st) && !('NotResource' in st)) return { key: 'coreBuckets:policy.noResource', params };
    if (!('Principal' in st) && !('NotPrincipal' in st)) return { key: 'coreBuckets:policy.noPrincipal', params };
  }
  return null;
}

interface PolicyStatement {
  Effect?: unknown;
  Principal?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
}

function policyStatements(text: string): PolicyStatement[] {
  try {
    const doc = JSON.parse(text) as { Statement?: unknown } | null;
    const list = Array.isArray(doc?.Statement) ? doc.Statement : doc?.Statement ? [doc.Statement] : [];
    return list.filter((s): s is PolicyStatement => typeof s === 'object' && s !== null);
  } catch {
    return [];
  }
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** Whether an ARN pattern (with IAM's * and ? wildcards) covers the bucket or an object in it. */
function namesBucket(resource: unknown, bucket: string): boolean {
  if (typeof resource !== 'string') return false;
  const pattern = new RegExp(`^${resource.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return pattern.test(`arn:aws:s3:::${bucket}`) || pattern.test(`arn:aws:s3:::${bucket}/any-key`);
}

/** A statement with NotResource applies to everything it does not name: counted as applying. */
const appliesTo = (s: PolicyStatement, bucket: string) => s.NotResource !== undefined || asList(s.Resource).some((r) => namesBucket(r, bucket));

/**
 * The statements of a policy that name no resource of `bucket` (so do nothing for it), as
 * a warning; null when every statement applies. A bucket's policy is for that bucket:
 * `arn:aws:s3:::<bucket>` and `arn:aws:s3:::<bucket>/*`.
 */
export function policyElsewhereWarning(text: string, bucket: string): CatalogText | null {
  const elsewhere = policyStatements(text)
    .map((s, i) => ({ n: i + 1, s }))
    .filter(({ s }) => !appliesTo(s, bucket));
  if (elsewhere.length === 0) return null;
  // Numbers and ARNs only: the same in every language.
  const statements = elsewhere.map(({ n, s }) => `${n} (${asList(s.Resource).map(String).join(', ') || '—'})`).join('; ');
  return { key: 'coreBuckets:policy.elsewhere', params: { count: elsewhere.length, statements, bucket } };
}

/** Whether an Allow statement for everyone (Principal "*") applies to this bucket. */
export function policyGrantsPublicHere(text: string, bucket: string): boolean {
  const everyone = (p: unknown) => p === '*' || (typeof p === 'object' && p !== null && asList((p as { AWS?: unknown }).AWS).includes('*'));
  return policyStatements(text).some((s) => s.Effect === 'Allow' && everyone(s.Principal) && appliesTo(s, bucket));
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

/**
 * The code of a refused upload when the bucket's "Block public ACLs" is on at a non-AWS
 * server (Ceph RGW refuses every PutObject then; AWS does not). The renderer recognises the
 * failure by it and offers to turn that one switch off.
 */
export const blockPublicAclsRefusal = 'coreBuckets:uploadRefused';

export const isBlockPublicAclsRefusal = (code: string | undefined): boolean => code === blockPublicAclsRefusal;
