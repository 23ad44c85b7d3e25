/** Replication rules: read, checked and written in S3's V2 schema (filter, priority, delete-marker replication). */
import {
  DeleteBucketReplicationCommand,
  GetBucketReplicationCommand,
  PutBucketReplicationCommand,
  type ReplicationConfiguration,
  type ReplicationRule as SdkReplicationRule,
  type ReplicationRuleFilter,
} from '@aws-sdk/client-s3';
import type { ReplicationConfig, ReplicationRule, Tag } from '../../../shared/buckets.js';
import { codedError } from '../errors.js';
import type { BucketContext } from './bucketContext.js';
import { errorName, explain, orWhenMissing, serverSentence } from './panel.js';
import { readVersioning } from './readSettings.js';

/** `arn:aws:s3:::name` (any partition) → `name`; anything else is kept as written. */
const bucketOfArn = (arn: string) => /^arn:[a-z-]+:s3:::(.+)$/.exec(arn)?.[1] ?? arn;

/** An ARN's partition (`aws`, `aws-cn`, `aws-us-gov`...): a new destination lives in the role's. */
const partitionOf = (arn: string) => /^arn:(aws[a-z-]*):/.exec(arn)?.[1] ?? 'aws';

function filterToSdk(prefix: string | undefined, tags: Tag[]): ReplicationRuleFilter {
  const sdkTags = tags.map((t) => ({ Key: t.key, Value: t.value }));
  if (sdkTags.length === 0) return { Prefix: prefix ?? '' };
  if (sdkTags.length === 1 && !prefix) return { Tag: sdkTags[0] };
  return { And: { ...(prefix ? { Prefix: prefix } : {}), Tags: sdkTags } };
}

export function replicationFromSdk(config: ReplicationConfiguration | undefined): Omit<ReplicationConfig, 'onAws'> {
  const rules = (config?.Rules ?? []).map((r, i): ReplicationRule => {
    const prefix = r.Filter?.Prefix ?? r.Filter?.And?.Prefix ?? r.Prefix;
    const sdkTags = r.Filter?.Tag ? [r.Filter.Tag] : (r.Filter?.And?.Tags ?? []);
    const tags = sdkTags.filter((t) => t.Key).map((t) => ({ key: t.Key!, value: t.Value ?? '' }));
    const d = r.Destination;
    return {
      id: r.ID ?? `rule-${i + 1}`,
      ...(r.ID ? { heldId: r.ID } : {}),
      enabled: r.Status === 'Enabled',
      priority: r.Priority ?? i + 1,
      ...(prefix ? { prefix } : {}),
      ...(tags.length ? { tags } : {}),
      destinationBucket: bucketOfArn(d?.Bucket ?? ''),
      ...(d?.Account ? { destinationAccount: d.Account } : {}),
      ...(d?.StorageClass ? { storageClass: d.StorageClass } : {}),
      ...(d?.AccessControlTranslation?.Owner === 'Destination' ? { ownerOverride: true } : {}),
      // A V1 rule (a Prefix of its own, no Filter) replicates delete markers and cannot say otherwise.
      deleteMarkers: r.DeleteMarkerReplication ? r.DeleteMarkerReplication.Status === 'Enabled' : !r.Filter,
    };
  });
  return { role: config?.Role ?? '', rules };
}

/**
 * One rule as the form left it, merged into the rule the bucket holds under its held ID: what the form
 * does not show (replication time, metrics, KMS-encrypted objects, existing objects, replica
 * modifications) stays as it is, and so does the destination's ARN while its bucket does. A V1
 * rule's own Prefix gives way to the V2 filter.
 */
function ruleToSdk(r: ReplicationRule, held: SdkReplicationRule | undefined, partition: string): SdkReplicationRule {
  const { Prefix: _v1Prefix, ...kept } = held ?? {};
  const { Bucket: heldArn, Account: _account, StorageClass: _class, AccessControlTranslation: _owner, ...keptDestination } = held?.Destination ?? {};
  return {
    ...kept,
    ID: r.id,
    Priority: r.priority,
    Status: r.enabled ? 'Enabled' : 'Disabled',
    Filter: filterToSdk(r.prefix, r.tags ?? []),
    DeleteMarkerReplication: { Status: r.deleteMarkers ? 'Enabled' : 'Disabled' },
    Destination: {
      ...keptDestination,
      Bucket: heldArn && bucketOfArn(heldArn) === r.destinationBucket ? heldArn : `arn:${partition}:s3:::${r.destinationBucket}`,
      ...(r.destinationAccount ? { Account: r.destinationAccount } : {}),
      ...(r.storageClass ? { StorageClass: r.storageClass as never } : {}),
      ...(r.ownerOverride && r.destinationAccount ? { AccessControlTranslation: { Owner: 'Destination' as const } } : {}),
    },
  };
}

/**
 * The rules to send; `held` is what the bucket has now, whose rules keep what the form does not
 * edit. A rule without a held ID (a caller that does not say) is matched by its ID, unless a
 * renamed rule already claims the rule of that ID.
 */
export function replicationToSdk(config: Pick<ReplicationConfig, 'role' | 'rules'>, held?: ReplicationConfiguration): ReplicationConfiguration {
  const heldRules = new Map((held?.Rules ?? []).flatMap((r) => (r.ID ? [[r.ID, r] as const] : [])));
  const claimed = new Set(config.rules.flatMap((r) => (r.heldId !== undefined ? [r.heldId] : [])));
  const heldOf = (r: ReplicationRule) => (r.heldId !== undefined ? heldRules.get(r.heldId) : claimed.has(r.id) ? undefined : heldRules.get(r.id));
  const partition = partitionOf(config.role);
  return { Role: config.role, Rules: config.rules.map((r) => ruleToSdk(r, heldOf(r), partition)) };
}

/** The configuration as the server holds it (undefined when it has none). */
async function heldReplication({ client }: BucketContext, bucket: string): Promise<ReplicationConfiguration | undefined> {
  return orWhenMissing(async () => (await client.send(new GetBucketReplicationCommand({ Bucket: bucket }))).ReplicationConfiguration, ['ReplicationConfigurationNotFoundError'], undefined);
}

/** RGW answers a bucket without rules with an empty configuration; AWS with ReplicationConfigurationNotFoundError. */
export async function readReplication(ctx: BucketContext, bucket: string): Promise<ReplicationConfig> {
  return { ...replicationFromSdk(await heldReplication(ctx, bucket)), onAws: !ctx.endpointUrl };
}

/**
 * Saves the rules (none removes the configuration), merged into the ones the bucket holds now.
 * Versioning must be on here first: S3 refuses otherwise, with a sentence that does not say what to do.
 */
export async function setReplication(ctx: BucketContext, bucket: string, config: Pick<ReplicationConfig, 'role' | 'rules'>): Promise<void> {
  const { client } = ctx;
  try {
    if (config.rules.length === 0) {
      await client.send(new DeleteBucketReplicationCommand({ Bucket: bucket }));
      return;
    }
    if ((await readVersioning(ctx, bucket)) !== 'Enabled') throw codedError('invalidInput', 'coreBuckets:replication.sourceVersioning', { bucket });
    const held = await heldReplication(ctx, bucket);
    await client.send(new PutBucketReplicationCommand({ Bucket: bucket, ReplicationConfiguration: replicationToSdk(config, held) }));
  } catch (error) {
    const name = errorName(error);
    // RGW replicates between zones through its multisite sync policy, not through this call.
    if (name === 'MethodNotAllowed' || name === 'NotImplemented') throw codedError('unsupported', 'coreBuckets:replication.serverRefused', undefined, error);
    const said = serverSentence(error);
    if ((name === 'InvalidRequest' || name === 'InvalidArgument' || name === 'MalformedXML') && said) {
      throw codedError('invalidInput', 'coreBuckets:replication.refused', { detail: said }, error);
    }
    throw explain(error, 'replication');
  }
}
