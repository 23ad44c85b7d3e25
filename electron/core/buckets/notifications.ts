/** Event notifications: which events go to which SNS topic, SQS queue, Lambda function, and EventBridge. */
import {
  DeleteBucketTaggingCommand,
  GetBucketNotificationConfigurationCommand,
  PutBucketNotificationConfigurationCommand,
  type FilterRule,
  type NotificationConfiguration,
  type NotificationConfigurationFilter,
} from '@aws-sdk/client-s3';
import type { NotificationConfig, NotificationRule } from '../../../shared/buckets.js';
import { codedError } from '../errors.js';
import type { BucketContext } from './bucketContext.js';
import { errorName, explain, serverSentence } from './panel.js';

type SdkRule = { Id?: string; Events?: string[]; Filter?: NotificationConfigurationFilter };

function filterFromSdk(filter: NotificationConfigurationFilter | undefined): { prefix?: string; suffix?: string } {
  const rules = filter?.Key?.FilterRules ?? [];
  // AWS answers `Prefix`/`Suffix`, RGW as written: compare without case.
  const value = (name: string) => rules.find((r) => r.Name?.toLowerCase() === name)?.Value;
  const prefix = value('prefix');
  const suffix = value('suffix');
  return { ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
}

function filterToSdk(rule: NotificationRule): NotificationConfigurationFilter | undefined {
  const rules: FilterRule[] = [
    ...(rule.prefix ? [{ Name: 'prefix' as const, Value: rule.prefix }] : []),
    ...(rule.suffix ? [{ Name: 'suffix' as const, Value: rule.suffix }] : []),
  ];
  return rules.length ? { Key: { FilterRules: rules } } : undefined;
}

export function notificationsFromSdk(out: NotificationConfiguration): Omit<NotificationConfig, 'onAws'> {
  const rule = (target: NotificationRule['target'], arn: string | undefined, r: SdkRule, i: number): NotificationRule => ({
    id: r.Id ?? `${target}-${i + 1}`,
    target,
    arn: arn ?? '',
    events: (r.Events ?? []) as string[],
    ...filterFromSdk(r.Filter),
  });
  return {
    rules: [
      ...(out.TopicConfigurations ?? []).map((r, i) => rule('topic', r.TopicArn, r, i)),
      ...(out.QueueConfigurations ?? []).map((r, i) => rule('queue', r.QueueArn, r, i)),
      ...(out.LambdaFunctionConfigurations ?? []).map((r, i) => rule('lambda', r.LambdaFunctionArn, r, i)),
    ],
    eventBridge: out.EventBridgeConfiguration !== undefined,
  };
}

export function notificationsToSdk(config: Pick<NotificationConfig, 'rules' | 'eventBridge'>): NotificationConfiguration {
  const of = (target: NotificationRule['target']) => config.rules.filter((r) => r.target === target);
  const common = (r: NotificationRule) => ({ Id: r.id, Events: r.events as never[], Filter: filterToSdk(r) });
  const topics = of('topic').map((r) => ({ ...common(r), TopicArn: r.arn }));
  const queues = of('queue').map((r) => ({ ...common(r), QueueArn: r.arn }));
  const lambdas = of('lambda').map((r) => ({ ...common(r), LambdaFunctionArn: r.arn }));
  return {
    ...(topics.length ? { TopicConfigurations: topics } : {}),
    ...(queues.length ? { QueueConfigurations: queues } : {}),
    ...(lambdas.length ? { LambdaFunctionConfigurations: lambdas } : {}),
    ...(config.eventBridge ? { EventBridgeConfiguration: {} } : {}),
  };
}

export async function readNotifications(ctx: BucketContext, bucket: string): Promise<NotificationConfig> {
  const out = await ctx.client.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }));
  return { ...notificationsFromSdk(out), onAws: !ctx.endpointUrl };
}

/**
 * RGW's `DELETE /bucket?notification=<id>` (an S3 extension the SDK has no command for):
 * another bucket DELETE whose query is swapped before it is signed.
 */
async function deleteOneNotification({ client }: BucketContext, bucket: string, id: string): Promise<void> {
  const command = new DeleteBucketTaggingCommand({ Bucket: bucket });
  command.middlewareStack.add(
    (next) => async (args) => {
      (args.request as { query: Record<string, string> }).query = { notification: id };
      return next(args);
    },
    { step: 'build', name: 'rgwDeleteNotification' },
  );
  await client.send(command);
}

/**
 * Ceph RGW names each request `tx<21 hex digits>-<the time, 10 hex digits>-<zone id>-<zone group>`
 * (its `x-amz-request-id`, on success and refusal alike); AWS, MinIO and the others name theirs otherwise.
 */
const rgwRequestId = /^tx[0-9a-f]{21}-[0-9a-f]{10,}-[0-9a-f]+-/;
const answeredByRgw = (answer: unknown) => rgwRequestId.test((answer as { $metadata?: { requestId?: string } } | null)?.$metadata?.requestId ?? '');

/**
 * Saves the whole set, the empty one included, with one Put: AWS and most servers replace what
 * they hold. RGW alone adds to it by ID and refuses an empty set (MalformedXML), so only on an
 * answer from RGW are the notifications no longer listed deleted one by one, after the new set
 * is in (a refused save removes nothing). Another server never gets the per-ID DELETE, which
 * some route to DeleteBucket.
 */
export async function setNotifications(ctx: BucketContext, bucket: string, config: Pick<NotificationConfig, 'rules' | 'eventBridge'>): Promise<void> {
  const aws = !ctx.endpointUrl;
  if (!aws && (config.eventBridge || config.rules.some((r) => r.target !== 'topic'))) {
    throw codedError('unsupported', 'coreBuckets:notifications.awsOnlyTargets');
  }
  try {
    let rgw: boolean;
    try {
      const out = await ctx.client.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: notificationsToSdk(config) }));
      rgw = !aws && answeredByRgw(out);
    } catch (error) {
      const rgwRefusedEmpty = !aws && config.rules.length === 0 && errorName(error) === 'MalformedXML' && answeredByRgw(error);
      if (!rgwRefusedEmpty) throw error;
      rgw = true;
    }
    if (!rgw) return;
    const kept = new Set(config.rules.map((r) => r.id));
    const held = await readNotifications(ctx, bucket);
    for (const rule of held.rules) if (!kept.has(rule.id)) await deleteOneNotification(ctx, bucket, rule.id);
  } catch (error) {
    const name = errorName(error);
    // RGW answers NoSuchKey for a topic it does not have.
    if (name === 'NoSuchKey') throw codedError('notFound', 'coreBuckets:notifications.noTopic', undefined, error);
    if (name === 'InvalidArgument' || name === 'MalformedXML') {
      const said = serverSentence(error);
      if (!said) throw codedError('invalidInput', 'coreBuckets:notifications.refusedNoReason', undefined, error);
      throw codedError('invalidInput', 'coreBuckets:notifications.refused', { detail: said }, error);
    }
    throw explain(error, 'notifications');
  }
}
