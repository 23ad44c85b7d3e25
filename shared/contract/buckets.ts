import { z } from 'zod';
import { bucketNameProblem, replicaStorageClasses, type BucketSettings, type EmptyBucketCount, type ObjectAclOutcome, type ObjectVersion, type RestoreStatus, type VersioningStatus } from '../buckets.js';
import type { FileEntry } from '../files.js';
import { event, op } from './define.js';
import { id, localPath, remotePath } from './fields.js';

const bucketName = z.string().min(1).max(255);
const at = { connectionId: id, bucket: bucketName };
const objectAt = { connectionId: id, path: remotePath };

const publicAccessBlock = z.object({
  blockPublicAcls: z.boolean(),
  ignorePublicAcls: z.boolean(),
  blockPublicPolicy: z.boolean(),
  restrictPublicBuckets: z.boolean(),
});

const routingRule = z.object({
  Condition: z.object({ KeyPrefixEquals: z.string().max(1024).optional(), HttpErrorCodeReturnedEquals: z.string().regex(/^\d{3}$/).optional() }).optional(),
  Redirect: z.object({
    HostName: z.string().max(255).optional(),
    HttpRedirectCode: z.string().regex(/^3\d\d$/).optional(),
    Protocol: z.enum(['http', 'https']).optional(),
    ReplaceKeyPrefixWith: z.string().max(1024).optional(),
    ReplaceKeyWith: z.string().max(1024).optional(),
  }),
});

const website = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('off') }),
  z.object({
    mode: z.literal('site'),
    indexDocument: z.string().trim().min(1, 'coreIpc:refused.indexDocumentEmpty').max(1024).refine((s) => !s.includes('/'), 'coreIpc:refused.indexDocumentSlash'),
    errorDocument: z.string().trim().min(1).max(1024).optional(),
    routingRules: z.array(routingRule).max(50).optional(),
  }),
  z.object({ mode: z.literal('redirect'), hostName: z.string().trim().min(1, 'coreIpc:refused.redirectHostEmpty').max(255), protocol: z.enum(['http', 'https']).optional() }),
]);

const days = z.number().int().min(1).max(36_500);
const lifecycleRule = z.object({
  id: z.string().trim().min(1).max(255),
  enabled: z.boolean(),
  prefix: z.string().max(1024).optional(),
  tag: z.object({ key: z.string().min(1).max(128), value: z.string().max(256) }).optional(),
  transitions: z.array(z.object({ days: z.number().int().min(0).max(36_500), storageClass: z.string().min(1).max(64) })).max(10).optional(),
  expirationDays: days.optional(),
  noncurrentExpirationDays: days.optional(),
  abortIncompleteMultipartDays: days.optional(),
});

const corsRule = z.object({
  allowedOrigins: z.array(z.string().min(1).max(1024)).min(1, 'coreIpc:refused.corsOriginNeeded').max(100),
  allowedMethods: z.array(z.enum(['GET', 'PUT', 'POST', 'DELETE', 'HEAD'])).min(1).max(5),
  allowedHeaders: z.array(z.string().max(1024)).max(100).optional(),
  exposeHeaders: z.array(z.string().max(1024)).max(100).optional(),
  maxAgeSeconds: z.number().int().min(0).max(86_400 * 365).optional(),
});

const tag = z.object({ key: z.string().min(1).max(128), value: z.string().max(256) });
const replicationRule = z.object({
  id: z.string().trim().min(1).max(255),
  heldId: z.string().max(255).optional(),
  enabled: z.boolean(),
  priority: z.number().int().min(0).max(2_147_483_647),
  prefix: z.string().max(1024).optional(),
  tags: z.array(tag).max(10).optional(),
  destinationBucket: z.string().trim().refine((name) => bucketNameProblem(name) === null, 'coreIpc:refused.replicationDestination'),
  destinationAccount: z.string().regex(/^\d{12}$/).optional(),
  // REDUCED_REDUNDANCY is offered no more, but a rule may already hold it.
  storageClass: z.string().refine((c) => [...replicaStorageClasses, 'REDUCED_REDUNDANCY'].includes(c), 'coreIpc:refused.replicaStorageClass').optional(),
  ownerOverride: z.boolean().optional(),
  deleteMarkers: z.boolean(),
});

const notificationRule = z.object({
  id: z.string().trim().min(1).max(255),
  target: z.enum(['topic', 'queue', 'lambda']),
  arn: z.string().trim().min(1).max(2048),
  events: z.array(z.string().regex(/^s3:[A-Za-z]+(:[A-Za-z*]+)?$/)).min(1).max(50),
  prefix: z.string().max(1024).optional(),
  suffix: z.string().max(1024).optional(),
});

const encryption = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('SSE-S3') }),
  z.object({ kind: z.literal('SSE-KMS'), keyId: z.string().max(2048).optional(), bucketKey: z.boolean().optional() }),
]);

/** Bucket settings, versions and archive restore (S3 only); storage class changes run in the transfer queue. */
export const bucketOperations = {
  'buckets:settings': op<BucketSettings>()(z.object(at)),
  'buckets:create': op<void>()(
    z.object({
      ...at,
      region: z.string().regex(/^[a-z0-9-]{2,32}$/).optional(),
      versioning: z.boolean(),
      blockPublicAccess: z.boolean(),
      objectLock: z.boolean(),
    }),
  ),
  'buckets:countForEmpty': op<EmptyBucketCount>()(z.object(at)),
  'buckets:delete': op<void>()(z.object({ ...at, empty: z.boolean(), confirmName: bucketName.optional(), jobId: id.optional() })),
  'buckets:setVersioning': op<void>()(z.object({ ...at, status: z.enum(['Enabled', 'Suspended']) })),
  'buckets:setPublicAccessBlock': op<void>()(z.object({ ...at, block: publicAccessBlock })),
  'buckets:setWebsite': op<void>()(z.object({ ...at, website })),
  'buckets:setLifecycle': op<void>()(z.object({ ...at, rules: z.array(lifecycleRule).max(1000) })),
  'buckets:setCors': op<void>()(z.object({ ...at, rules: z.array(corsRule).max(100) })),
  'buckets:setTags': op<void>()(
    z.object({ ...at, tags: z.array(z.object({ key: z.string().min(1).max(128), value: z.string().max(256) })).max(50) }),
  ),
  'buckets:setPolicy': op<void>()(z.object({ ...at, policy: z.string().max(20_480) })),
  'buckets:setEncryption': op<void>()(z.object({ ...at, encryption })),
  'buckets:listVersions': op<ObjectVersion[]>()(z.object(objectAt)),
  'buckets:restoreVersion': op<void>()(z.object({ ...objectAt, versionId: z.string().min(1).max(1024) })),
  'buckets:deleteVersion': op<void>()(z.object({ ...objectAt, versionId: z.string().min(1).max(1024) })),
  /** Removes the delete marker(s) on top of a deleted object, so its newest version is current again. */
  'buckets:undelete': op<void>()(z.object(objectAt)),
  /** The deleted objects of one folder (path `/bucket/` or `/bucket/prefix/`), as rows flagged `deleted`. */
  'buckets:listDeleted': op<FileEntry[]>()(z.object(objectAt)),
  'buckets:versioning': op<VersioningStatus>()(z.object(at)),
  /** Answers the local path written. */
  'buckets:downloadVersion': op<string>()(z.object({ ...objectAt, versionId: z.string().min(1).max(1024), localFolder: localPath })),
  'buckets:restoreObject': op<void>()(
    z.object({ ...objectAt, days: z.number().int().min(1).max(30_000), tier: z.enum(['Expedited', 'Standard', 'Bulk']) }),
  ),
  'buckets:restoreStatus': op<RestoreStatus>()(z.object(objectAt)),
  'buckets:objectAccess': op<{ isPublic: boolean; url: string }>()(z.object(objectAt)),
  'buckets:setObjectPublic': op<ObjectAclOutcome>()(z.object({ ...objectAt, makePublic: z.boolean() })),
  'buckets:setLogging': op<void>()(
    z.object({
      ...at,
      logging: z.discriminatedUnion('enabled', [
        z.object({ enabled: z.literal(false) }),
        z.object({ enabled: z.literal(true), targetBucket: z.string().trim().min(3, 'coreIpc:refused.logBucketEmpty').max(63), targetPrefix: z.string().max(1024) }),
      ]),
    }),
  ),
  'buckets:setRequesterPays': op<void>()(z.object({ ...at, requesterPays: z.boolean() })),
  /** The default retention of a bucket created with Object Lock; null removes it. S3 takes days or years, not both. */
  'buckets:setDefaultRetention': op<void>()(
    z.object({
      ...at,
      retention: z
        .object({ mode: z.enum(['GOVERNANCE', 'COMPLIANCE']), days: z.number().int().min(1).max(36_500).optional(), years: z.number().int().min(1).max(100).optional() })
        .refine((r) => (r.days === undefined) !== (r.years === undefined), 'coreIpc:refused.retentionPeriod')
        .nullable(),
    }),
  ),
  /** Puts one object's legal hold on or off (its bucket must have Object Lock). */
  'buckets:setLegalHold': op<void>()(z.object({ ...objectAt, on: z.boolean() })),
  'buckets:setAccelerate': op<void>()(z.object({ ...at, enabled: z.boolean() })),
  /** Replication rules with the IAM role S3 assumes; no rules removes the configuration. */
  'buckets:setReplication': op<void>()(
    z.object({ ...at, role: z.string().trim().max(2048), rules: z.array(replicationRule).max(1000) }).refine((c) => c.rules.length === 0 || c.role !== '', 'coreIpc:refused.replicationRole'),
  ),
  /** The whole set of event notifications (replaces what the bucket has). */
  'buckets:setNotifications': op<void>()(z.object({ ...at, rules: z.array(notificationRule).max(100), eventBridge: z.boolean() })),
  /** The fallback when ACLs are disabled: a bucket policy statement letting anyone read `prefix*`. */
  'buckets:addPublicReadPolicy': op<void>()(z.object({ ...at, prefix: z.string().max(1024) })),
};

export const bucketEvents = {
  /** Progress of an empty-and-delete: objects removed so far. */
  'buckets:jobProgress': event<{ jobId: string; done: number; current?: string }>(),
};
