import {
  GetBucketAccelerateConfigurationCommand,
  GetBucketAclCommand,
  GetBucketCorsCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetBucketWebsiteCommand,
  GetPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import { policyGrantsPublicHere, type AccelerateState, type BucketSettings, type Encryption, type Panel, type PublicAccessBlock, type PublicStatus, type VersioningStatus, type WebsiteState } from '../../../shared/buckets.js';
import { directoryBucketRegion, isDirectoryBucket } from '../../../shared/directoryBuckets.js';
import { publicGrants, type BucketContext } from './bucketContext.js';
import { prettyPolicy } from './bucketPolicy.js';
import { readLogging, readRequesterPays } from './loggingAndPayment.js';
import { readNotifications } from './notifications.js';
import { readObjectLock } from './objectLock.js';
import { orWhenMissing, readPanel } from './panel.js';
import { readReplication } from './replication.js';
import { corsFromSdk, lifecycleFromSdk, websiteFromSdk } from './settingsMapping.js';
import { awsWebsiteEndpoint, regionFromLocation } from './websiteEndpoint.js';

const noBlock: PublicAccessBlock = { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };

export async function bucketRegion({ client }: BucketContext, bucket: string): Promise<string> {
  const zonal = isDirectoryBucket(bucket) ? directoryBucketRegion(bucket) : undefined;
  if (zonal) return zonal;
  const out = await client.send(new GetBucketLocationCommand({ Bucket: bucket }));
  return regionFromLocation(out.LocationConstraint);
}

export async function readVersioning({ client }: BucketContext, bucket: string): Promise<VersioningStatus> {
  const out = await client.send(new GetBucketVersioningCommand({ Bucket: bucket }));
  return out.Status === 'Enabled' ? 'Enabled' : out.Status === 'Suspended' ? 'Suspended' : 'Never enabled';
}

export async function readPublicAccessBlock({ client }: BucketContext, bucket: string): Promise<PublicAccessBlock> {
  return orWhenMissing(
    async () => {
      const c = (await client.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration ?? {};
      return {
        blockPublicAcls: c.BlockPublicAcls ?? false,
        ignorePublicAcls: c.IgnorePublicAcls ?? false,
        blockPublicPolicy: c.BlockPublicPolicy ?? false,
        restrictPublicBuckets: c.RestrictPublicBuckets ?? false,
      };
    },
    ['NoSuchPublicAccessBlockConfiguration'],
    noBlock,
  );
}

export async function readPublicStatus({ client }: BucketContext, bucket: string): Promise<PublicStatus> {
  const policyIsPublic = await orWhenMissing(
    async () => (await client.send(new GetBucketPolicyStatusCommand({ Bucket: bucket }))).PolicyStatus?.IsPublic ?? false,
    ['NoSuchBucketPolicy'],
    false,
  );
  const acl = await client.send(new GetBucketAclCommand({ Bucket: bucket }));
  const aclGrantsPublic = publicGrants(acl.Grants ?? []);
  return { policyIsPublic, aclGrantsPublic, isPublic: policyIsPublic || aclGrantsPublic.length > 0 };
}

export async function readWebsite(ctx: BucketContext, bucket: string, region: string): Promise<WebsiteState> {
  const config = await orWhenMissing(
    async () => websiteFromSdk(await ctx.client.send(new GetBucketWebsiteCommand({ Bucket: bucket }))),
    ['NoSuchWebsiteConfiguration'],
    { mode: 'off' as const },
  );
  // S3-compatible servers serve sites wherever their setup says (RGW: `rgw dns s3website name`): no address to guess.
  const endpoint = ctx.endpointUrl ? null : awsWebsiteEndpoint(bucket, region);
  return { config, endpoint };
}

export async function readEncryption({ client }: BucketContext, bucket: string): Promise<Encryption> {
  return orWhenMissing(
    async () => {
      const out = await client.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
      const rule = out.ServerSideEncryptionConfiguration?.Rules?.[0];
      const by = rule?.ApplyServerSideEncryptionByDefault;
      if (by?.SSEAlgorithm === 'aws:kms' || by?.SSEAlgorithm === 'aws:kms:dsse') {
        return {
          kind: 'SSE-KMS' as const,
          ...(by.KMSMasterKeyID ? { keyId: by.KMSMasterKeyID } : {}),
          ...(rule?.BucketKeyEnabled !== undefined ? { bucketKey: rule.BucketKeyEnabled } : {}),
        };
      }
      if (by?.SSEAlgorithm === 'AES256') return { kind: 'SSE-S3' as const };
      return { kind: 'none' as const };
    },
    ['ServerSideEncryptionConfigurationNotFoundError'],
    { kind: 'none' as const },
  );
}

/** Only AWS has Transfer Acceleration; RGW answers its GET with an empty "off", so other servers are not asked. */
export async function readAccelerate(ctx: BucketContext, bucket: string): Promise<Panel<AccelerateState>> {
  if (ctx.endpointUrl) return { supported: false, message: { key: 'coreBuckets:accelerateAwsOnly' } };
  return readPanel(async () => {
    const out = await ctx.client.send(new GetBucketAccelerateConfigurationCommand({ Bucket: bucket }));
    return { enabled: out.Status === 'Enabled', nameHasDots: bucket.includes('.') };
  }, 'accelerate');
}

/** Every panel of the settings view, each read on its own so one failure stays in its panel. */
export async function readBucketSettings(ctx: BucketContext, bucket: string): Promise<BucketSettings> {
  const { client } = ctx;
  const region = await bucketRegion(ctx, bucket).catch(() => 'us-east-1');
  const [versioning, publicAccessBlock, accountPublicAccessBlock, publicStatus, website, lifecycle, cors, tags, policy, encryption, logging, requesterPays, objectLock, accelerate, replication, notifications] =
    await Promise.all([
      readPanel(() => readVersioning(ctx, bucket), 'versioning'),
      readPanel(() => readPublicAccessBlock(ctx, bucket), 'publicAccessBlock'),
      ctx.readAccountBlock
        ? readPanel(ctx.readAccountBlock, 'accountPublicAccessBlock')
        : Promise.resolve({ supported: false as const, message: { key: 'coreBuckets:accountAwsOnly' } }),
      readPanel(() => readPublicStatus(ctx, bucket), 'policyStatus'),
      readPanel(() => readWebsite(ctx, bucket, region), 'website'),
      readPanel(
        () =>
          orWhenMissing(
            async () => lifecycleFromSdk((await client.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }))).Rules ?? []),
            ['NoSuchLifecycleConfiguration'],
            [],
          ),
        'lifecycle',
      ),
      readPanel(
        () =>
          orWhenMissing(
            async () => corsFromSdk((await client.send(new GetBucketCorsCommand({ Bucket: bucket }))).CORSRules ?? []),
            ['NoSuchCORSConfiguration'],
            [],
          ),
        'cors',
      ),
      readPanel(
        () =>
          orWhenMissing(
            async () =>
              ((await client.send(new GetBucketTaggingCommand({ Bucket: bucket }))).TagSet ?? []).map((t) => ({
                key: t.Key ?? '',
                value: t.Value ?? '',
              })),
            ['NoSuchTagSet', 'NoSuchTagSetError'],
            [],
          ),
        'tags',
      ),
      readPanel(
        () =>
          orWhenMissing(
            async () => prettyPolicy((await client.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy),
            ['NoSuchBucketPolicy'],
            '',
          ),
        'policy',
      ),
      readPanel(() => readEncryption(ctx, bucket), 'encryption'),
      readPanel(() => readLogging(ctx, bucket), 'logging'),
      readPanel(() => readRequesterPays(ctx, bucket), 'requesterPays'),
      readPanel(() => readObjectLock(ctx, bucket), 'objectLock'),
      readAccelerate(ctx, bucket),
      readPanel(() => readReplication(ctx, bucket), 'replication'),
      readPanel(() => readNotifications(ctx, bucket), 'notifications'),
    ]);
  return {
    bucket,
    region,
    versioning,
    publicAccessBlock,
    accountPublicAccessBlock,
    publicStatus: withPolicyHere(publicStatus, policy, bucket),
    website,
    lifecycle,
    cors,
    tags,
    policy,
    encryption,
    logging,
    requesterPays,
    objectLock,
    accelerate,
    replication,
    notifications,
  };
}

/**
 * Some servers (RGW) call a policy public when any statement allows everyone, even one
 * whose resource is another bucket: only statements about this bucket can make it public.
 */
function withPolicyHere(status: Panel<PublicStatus>, policy: Panel<string>, bucket: string): Panel<PublicStatus> {
  if (!status.supported || !status.value.policyIsPublic || !policy.supported) return status;
  if (policyGrantsPublicHere(policy.value, bucket)) return status;
  const value = { ...status.value, policyIsPublic: false };
  return { supported: true, value: { ...value, isPublic: value.aclGrantsPublic.length > 0 } };
}
