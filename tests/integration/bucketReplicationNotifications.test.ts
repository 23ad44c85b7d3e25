import { GetBucketReplicationCommand, PutBucketVersioningCommand, type ReplicationConfiguration, type S3Client } from '@aws-sdk/client-s3';
import type { FinalizeRequestMiddleware, MetadataBearer } from '@aws-sdk/types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNotifications, setNotifications } from '../../electron/core/buckets/notifications.js';
import { readReplication, setReplication } from '../../electron/core/buckets/replication.js';
import type { ReplicationRule } from '../../shared/buckets.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore } from '../support/headlessCore.js';
import { awsErrorAnswer, startRewritingS3Proxy, type RecordedAnswer, type RewritingS3Proxy } from '../support/rewritingS3Proxy.js';
import { recordedAwsNotifications } from '../support/recordedNotifications.js';
import { createRgwTopic } from '../support/rgwTopic.js';
import { createBucketWith, removeBucket, rgwDraft, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'aws', name), 'utf8');
const xml = (body: string): RecordedAnswer => ({ status: 200, body, headers: { 'Content-Type': 'application/xml', 'x-amz-request-id': 'RECORDED', Server: 'AmazonS3' } });
const versioningOn = (Bucket: string) => s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));

const rule = (patch: Partial<ReplicationRule> = {}): ReplicationRule => ({
  id: 'invoices-to-dr',
  enabled: true,
  priority: 2,
  prefix: 'invoices/',
  tags: [{ key: 'class', value: 'finance' }],
  destinationBucket: 'recorded-dr',
  destinationAccount: '444455556666',
  storageClass: 'STANDARD_IA',
  ownerOverride: true,
  deleteMarkers: false,
  ...patch,
});

describe('replication rules and event notifications at AWS (recorded AWS responses)', () => {
  const bucket = uniqueBucketName('repl-aws');
  let proxy: RewritingS3Proxy;
  let viaProxy: S3Client;
  /** The next answer to ?replication / ?notification; undefined lets the request through to RGW. */
  let answer: (method: string, sub: 'replication' | 'notification') => RecordedAnswer | undefined = () => undefined;
  const sent: { method: string; sub: string; body: string }[] = [];
  /** Every request that reached the proxy, answered or passed on: method and query. */
  const reached: { method: string; query: string }[] = [];

  beforeAll(async () => {
    // RGW answers everything else for real (versioning included).
    await createBucketWith(s3, bucket, {});
    proxy = await startRewritingS3Proxy(env.s3.endpoint, (method, url) => {
      reached.push({ method, query: url.search });
      for (const sub of ['replication', 'notification'] as const) if (url.searchParams.has(sub)) return answer(method, sub);
      return undefined;
    });
    viaProxy = testS3Client(env, 1, proxy.endpoint);
    const capture: FinalizeRequestMiddleware<object, MetadataBearer> = (next) => async (args) => {
      const request = args.request as { method?: string; query?: Record<string, unknown>; body?: unknown };
      const sub = ['replication', 'notification'].find((s) => request.query && s in request.query);
      if (sub) sent.push({ method: request.method ?? '', sub, body: typeof request.body === 'string' ? request.body : '' });
      return next(args);
    };
    viaProxy.middlewareStack.add(capture, { step: 'finalizeRequest', name: 'captureSettingsBody' });
  });
  afterAll(async () => {
    viaProxy.destroy();
    await proxy.close();
    await removeBucket(s3, bucket);
  });

  it('reads V2 replication rules (filter, priority, destination account, class, owner, delete markers) and no configuration as none (recorded AWS responses)', async () => {
    const aws = { client: viaProxy };
    answer = () => xml(fixture('GetBucketReplication.xml'));
    expect(await readReplication(aws, bucket)).toEqual({
      role: 'arn:aws:iam::111122223333:role/s3-replication',
      rules: [
        { ...rule(), heldId: 'invoices-to-dr' },
        { id: 'all-to-backup', heldId: 'all-to-backup', enabled: false, priority: 1, destinationBucket: 'recorded-backup', deleteMarkers: true },
      ],
      onAws: true,
    });
    answer = () => awsErrorAnswer(404, fixture('ReplicationConfigurationNotFoundError.xml'));
    expect(await readReplication(aws, bucket)).toEqual({ role: '', rules: [], onAws: true });
  });

  it('checks versioning here before sending rules, writes the V2 schema, shows AWS’s refusal and deletes with no rules (recorded AWS responses)', async () => {
    const aws = { client: viaProxy };
    answer = (method) => (method === 'PUT' || method === 'DELETE' ? { ...xml(''), status: method === 'DELETE' ? 204 : 200 } : undefined);
    const role = 'arn:aws:iam::111122223333:role/s3-replication';
    const before = sent.length;
    // Versioning is off at the real RGW bucket: refused with what to do, nothing sent.
    await expect(setReplication(aws, bucket, { role, rules: [rule()] })).rejects.toMatchObject({
      kind: 'invalidInput',
      message: `Replication needs versioning on “${bucket}”: turn versioning on in its Versioning panel, then save the rules again.`,
    });
    expect(sent.length).toBe(before);

    await versioningOn(bucket);
    await setReplication(aws, bucket, { role, rules: [rule(), rule({ id: 'all', priority: 1, prefix: undefined, tags: undefined, destinationAccount: undefined, ownerOverride: undefined, storageClass: undefined, deleteMarkers: true, destinationBucket: 'backup' })] });
    const put = sent.at(-1)!;
    expect(put).toMatchObject({ method: 'PUT', sub: 'replication' });
    expect(put.body).toContain(`<Role>${role}</Role>`);
    expect(put.body).toContain(
      '<Rule><Status>Enabled</Status><Destination><Bucket>arn:aws:s3:::recorded-dr</Bucket><Account>444455556666</Account><StorageClass>STANDARD_IA</StorageClass>' +
        '<AccessControlTranslation><Owner>Destination</Owner></AccessControlTranslation></Destination><ID>invoices-to-dr</ID><Priority>2</Priority>' +
        '<Filter><And><Prefix>invoices/</Prefix><Tag><Key>class</Key><Value>finance</Value></Tag></And></Filter><DeleteMarkerReplication><Status>Disabled</Status></DeleteMarkerReplication></Rule>',
    );
    expect(put.body).toContain(
      '<Rule><Status>Enabled</Status><Destination><Bucket>arn:aws:s3:::backup</Bucket></Destination><ID>all</ID><Priority>1</Priority>' +
        '<Filter><Prefix></Prefix></Filter><DeleteMarkerReplication><Status>Enabled</Status></DeleteMarkerReplication></Rule>',
    );

    answer = (method) => (method === 'PUT' ? awsErrorAnswer(400, fixture('InvalidRequest-PutBucketReplication.xml')) : undefined);
    await expect(setReplication(aws, bucket, { role, rules: [rule()] })).rejects.toMatchObject({
      kind: 'invalidInput',
      message: 'The server refused the replication rules: Destination bucket must have versioning enabled.',
    });

    answer = (method) => (method === 'DELETE' ? { ...xml(''), status: 204 } : undefined);
    await setReplication(aws, bucket, { role: '', rules: [] });
    expect(sent.at(-1)).toMatchObject({ method: 'DELETE', sub: 'replication' });
  });

  it('reads SNS, SQS and Lambda notifications with filters and EventBridge, writes them back whole, and shows AWS’s refusal (recorded AWS responses)', async () => {
    const aws = { client: viaProxy };
    answer = (method) => (method === 'GET' ? xml(fixture('GetBucketNotificationConfiguration.xml')) : xml(''));
    const config = await readNotifications(aws, bucket);
    expect(config).toEqual(recordedAwsNotifications);

    await setNotifications(aws, bucket, config);
    const put = sent.at(-1)!;
    expect(put).toMatchObject({ method: 'PUT', sub: 'notification' });
    expect(put.body).toContain(
      '<TopicConfiguration><Topic>arn:aws:sns:eu-central-1:111122223333:uploads</Topic><Event>s3:ObjectCreated:*</Event><Id>uploads-to-sns</Id>' +
        '<Filter><S3Key><FilterRule><Name>prefix</Name><Value>incoming/</Value></FilterRule></S3Key></Filter></TopicConfiguration>',
    );
    expect(put.body).toContain(
      '<QueueConfiguration><Queue>arn:aws:sqs:eu-central-1:111122223333:deletes</Queue><Event>s3:ObjectRemoved:Delete</Event><Event>s3:ObjectRemoved:DeleteMarkerCreated</Event><Id>deletes-to-sqs</Id></QueueConfiguration>',
    );
    expect(put.body).toContain(
      '<CloudFunctionConfiguration><CloudFunction>arn:aws:lambda:eu-central-1:111122223333:function:resize</CloudFunction><Event>s3:ObjectCreated:Put</Event><Id>resize-images</Id>' +
        '<Filter><S3Key><FilterRule><Name>prefix</Name><Value>images/</Value></FilterRule><FilterRule><Name>suffix</Name><Value>.jpg</Value></FilterRule></S3Key></Filter></CloudFunctionConfiguration>',
    );
    expect(put.body).toContain('<EventBridgeConfiguration/>');

    // No notifications at AWS: an empty configuration replaces them all.
    await setNotifications(aws, bucket, { rules: [], eventBridge: false });
    expect(sent.at(-1)).toMatchObject({ method: 'PUT', sub: 'notification' });
    for (const element of ['<TopicConfiguration', '<QueueConfiguration', '<CloudFunctionConfiguration', '<EventBridgeConfiguration']) expect(sent.at(-1)!.body).not.toContain(element);

    answer = (method) => (method === 'PUT' ? awsErrorAnswer(400, fixture('InvalidArgument-PutBucketNotificationConfiguration.xml')) : undefined);
    await expect(setNotifications(aws, bucket, config)).rejects.toMatchObject({
      kind: 'invalidInput',
      message: 'The server refused the notifications: Unable to validate the following destination configurations.',
    });
  });
  /** A configuration as the SDK parses it from a body, for comparing what was sent with what was held. */
  const parsedReplication = async (body: string): Promise<ReplicationConfiguration> => {
    answer = () => xml(body);
    return (await viaProxy.send(new GetBucketReplicationCommand({ Bucket: bucket }))).ReplicationConfiguration!;
  };

  it('saves a rule with what the form does not show kept as held, and the destination ARN in the role’s partition (recorded AWS responses)', async () => {
    const aws = { client: viaProxy };
    const held = fixture('GetBucketReplication-kept-fields.xml');
    await versioningOn(bucket);
    answer = (method) => (method === 'GET' ? xml(held) : method === 'PUT' ? xml('') : undefined);
    const config = await readReplication(aws, bucket);
    expect(config).toEqual({
      role: 'arn:aws-cn:iam::111122223333:role/s3-replication',
      rules: [{ id: 'kms-to-dr', heldId: 'kms-to-dr', enabled: true, priority: 1, prefix: 'ledger/', destinationBucket: 'recorded-cn-dr', storageClass: 'STANDARD', deleteMarkers: false }],
      onAws: true,
    });
    // The form narrows the prefix and adds a rule.
    const added: ReplicationRule = { id: 'all-to-archive', enabled: true, priority: 2, destinationBucket: 'recorded-cn-archive', deleteMarkers: true };
    await setReplication(aws, bucket, { role: config.role, rules: [{ ...config.rules[0]!, prefix: 'ledger/2026/' }, added] });
    const put = sent.at(-1)!;
    expect(put).toMatchObject({ method: 'PUT', sub: 'replication' });
    expect(put.body).not.toContain('arn:aws:s3:::');

    const before = await parsedReplication(held);
    const after = await parsedReplication(put.body);
    expect(before.Rules![0]).toMatchObject({ SourceSelectionCriteria: {}, ExistingObjectReplication: {}, Destination: { EncryptionConfiguration: {}, ReplicationTime: {}, Metrics: {} } });
    expect(after).toEqual({
      Role: before.Role,
      Rules: [
        { ...before.Rules![0], Filter: { Prefix: 'ledger/2026/' } },
        { ID: 'all-to-archive', Priority: 2, Status: 'Enabled', Filter: { Prefix: '' }, DeleteMarkerReplication: { Status: 'Enabled' }, Destination: { Bucket: 'arn:aws-cn:s3:::recorded-cn-archive' } },
      ],
    });

    // Another destination bucket gets its ARN in the same partition; what the rule holds stays.
    await setReplication(aws, bucket, { role: config.role, rules: [{ ...config.rules[0]!, destinationBucket: 'recorded-cn-other' }] });
    const moved = await parsedReplication(sent.at(-1)!.body);
    expect(moved.Rules).toEqual([{ ...before.Rules![0], Destination: { ...before.Rules![0]!.Destination, Bucket: 'arn:aws-cn:s3:::recorded-cn-other' } }]);

    // A renamed rule keeps them too; a new rule given the old ID starts bare.
    const renamed = { ...config.rules[0]!, id: 'kms-to-dr-2026' };
    const reused: ReplicationRule = { ...added, id: 'kms-to-dr', priority: 3 };
    await setReplication(aws, bucket, { role: config.role, rules: [renamed, reused] });
    const afterRename = await parsedReplication(sent.at(-1)!.body);
    expect(afterRename.Rules).toEqual([
      { ...before.Rules![0], ID: 'kms-to-dr-2026' },
      { ID: 'kms-to-dr', Priority: 3, Status: 'Enabled', Filter: { Prefix: '' }, DeleteMarkerReplication: { Status: 'Enabled' }, Destination: { Bucket: 'arn:aws-cn:s3:::recorded-cn-archive' } },
    ]);
  });

  it('reads a V1 rule (its own Prefix, no Filter) as replicating delete markers, and saves it in the V2 schema (recorded AWS responses)', async () => {
    const aws = { client: viaProxy };
    const held = fixture('GetBucketReplication-v1.xml');
    await versioningOn(bucket);
    answer = (method) => (method === 'GET' ? xml(held) : method === 'PUT' ? xml('') : undefined);
    const config = await readReplication(aws, bucket);
    expect(config.rules).toEqual([{ id: 'logs-v1', heldId: 'logs-v1', enabled: true, priority: 1, prefix: 'logs/', destinationBucket: 'recorded-v1-logs', storageClass: 'STANDARD_IA', deleteMarkers: true }]);

    await setReplication(aws, bucket, config);
    expect(await parsedReplication(sent.at(-1)!.body)).toEqual({
      Role: 'arn:aws:iam::111122223333:role/s3-replication',
      Rules: [
        {
          ID: 'logs-v1',
          Priority: 1,
          Status: 'Enabled',
          Filter: { Prefix: 'logs/' },
          DeleteMarkerReplication: { Status: 'Enabled' },
          Destination: { Bucket: 'arn:aws:s3:::recorded-v1-logs', StorageClass: 'STANDARD_IA' },
        },
      ],
    });
  });

  it('at a server that is neither AWS nor RGW, saves every set (the empty one too) with one Put and never sends a DELETE (recorded MinIO answers)', async () => {
    const other = { client: viaProxy, endpointUrl: proxy.endpoint };
    // MinIO names its requests with 16 hex digits and says who it is.
    const minio = (status: number, body: string): RecordedAnswer => ({
      status,
      body,
      headers: { 'Content-Type': 'application/xml', 'x-amz-request-id': '187E5A2C9B3D4F01', 'x-amz-id-2': 'dd9025bab4ad464b049177c95eb6ebf374d3b3fd1af9251148b658df7ac2e3e8', Server: 'MinIO' },
    });
    const malformed =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>MalformedXML</Code><Message>The XML you provided was not well-formed or did not validate against our published schema.</Message>' +
      `<BucketName>${bucket}</BucketName><Resource>/${bucket}</Resource><RequestId>187E5A2C9B3D4F02</RequestId><HostId>dd9025bab4ad464b049177c95eb6ebf374d3b3fd1af9251148b658df7ac2e3e8</HostId></Error>`;
    const uploads = { id: 'uploads', target: 'topic' as const, arn: 'arn:aws:sns:us-east-1:111122223333:uploads', events: ['s3:ObjectCreated:*'] };
    answer = (method, sub) => (sub === 'notification' ? minio(200, method === 'GET' ? fixture('GetBucketNotificationConfiguration.xml') : '') : undefined);
    const from = reached.length;
    const sentFrom = sent.length;

    await setNotifications(other, bucket, { rules: [uploads], eventBridge: false });
    await setNotifications(other, bucket, { rules: [], eventBridge: false });
    expect(sent.slice(sentFrom).map((r) => `${r.method} ${r.sub}`)).toEqual(['PUT notification', 'PUT notification']);
    expect(sent.at(-1)!.body).not.toContain('<TopicConfiguration');

    answer = (method, sub) => (sub === 'notification' && method === 'PUT' ? minio(400, malformed) : undefined);
    await expect(setNotifications(other, bucket, { rules: [], eventBridge: false })).rejects.toMatchObject({
      kind: 'invalidInput',
      message: 'The server refused the notifications: The XML you provided was not well-formed or did not validate against our published schema.',
    });
    expect(reached.slice(from).map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT']);
  });
});

describe('replication rules and event notifications at the real RGW', () => {
  const bucket = uniqueBucketName('repl-rgw');

  beforeAll(() => createBucketWith(s3, bucket, {}));
  afterAll(() => removeBucket(s3, bucket));

  it('reads no rules, asks for versioning first, then says RGW takes no replication rules through S3', async () => {
    const h = await startHeadlessCore();
    try {
      const call = coreClient(h.core);
      const id = (await call('connections:save', { draft: rgwDraft(env, 'RGW replication') })).id;
      await call('connections:connect', { id });
      const settings = await call('buckets:settings', { connectionId: id, bucket });
      expect(settings.replication).toEqual({ supported: true, value: { role: '', rules: [], onAws: false } });
      const rules = [rule({ destinationAccount: undefined, ownerOverride: undefined, destinationBucket: `${bucket}-dst` })];
      const role = 'arn:aws:iam::111122223333:role/s3-replication';
      expect(await failureOf(call('buckets:setReplication', { connectionId: id, bucket, role, rules }))).toMatchObject({
        kind: 'invalidInput',
        code: 'coreBuckets:replication.sourceVersioning',
      });
      expect(await failureOf(call('buckets:setReplication', { connectionId: id, bucket, role: '', rules }))).toMatchObject({ kind: 'invalidInput' });
      await versioningOn(bucket);
      expect(await failureOf(call('buckets:setReplication', { connectionId: id, bucket, role, rules }))).toMatchObject({
        kind: 'unsupported',
        message: 'This server does not take replication rules through S3. Ceph RGW replicates between zones through the multisite sync policy its administrator sets.',
      });
      // Removing rules that are not there is fine.
      await call('buckets:setReplication', { connectionId: id, bucket, role: '', rules: [] });
    } finally {
      await h.dispose();
    }
  });

  it('sends notifications to RGW topics: added, changed, one removed, all removed; AWS-only targets and missing topics are explained', async () => {
    const uploads = await createRgwTopic(env, `h3-uploads-${Date.now().toString(36)}`);
    const deletes = await createRgwTopic(env, `h3-deletes-${Date.now().toString(36)}`);
    const h = await startHeadlessCore();
    try {
      const call = coreClient(h.core);
      const id = (await call('connections:save', { draft: rgwDraft(env, 'RGW notifications') })).id;
      await call('connections:connect', { id });
      const read = async () => (await call('buckets:settings', { connectionId: id, bucket })).notifications;
      expect(await read()).toEqual({ supported: true, value: { rules: [], eventBridge: false, onAws: false } });

      const created = { id: 'uploads', target: 'topic' as const, arn: uploads, events: ['s3:ObjectCreated:*'], prefix: 'img/', suffix: '.jpg' };
      const removed = { id: 'deletes', target: 'topic' as const, arn: deletes, events: ['s3:ObjectRemoved:Delete', 's3:ObjectRemoved:DeleteMarkerCreated'] };
      await call('buckets:setNotifications', { connectionId: id, bucket, rules: [created, removed], eventBridge: false });
      // RGW lists them in its own order.
      const both = await read();
      if (both.supported) both.value.rules.sort((a, b) => b.id.localeCompare(a.id));
      expect(both).toEqual({ supported: true, value: { rules: [created, removed], eventBridge: false, onAws: false } });

      // RGW adds to what it holds: the one left out of the set is deleted, the changed one replaced.
      const changed = { ...created, events: ['s3:ObjectCreated:Put'], suffix: '.png' };
      await call('buckets:setNotifications', { connectionId: id, bucket, rules: [changed], eventBridge: false });
      expect(await read()).toEqual({ supported: true, value: { rules: [changed], eventBridge: false, onAws: false } });

      expect(await failureOf(call('buckets:setNotifications', { connectionId: id, bucket, rules: [changed], eventBridge: true }))).toMatchObject({
        kind: 'unsupported',
        code: 'coreBuckets:notifications.awsOnlyTargets',
      });
      const queue = { ...changed, id: 'q', target: 'queue' as const, arn: 'arn:aws:sqs:us-east-1:111122223333:q' };
      expect(await failureOf(call('buckets:setNotifications', { connectionId: id, bucket, rules: [queue], eventBridge: false }))).toMatchObject({
        kind: 'unsupported',
        message: 'EventBridge, SQS queues and Lambda functions exist on AWS only: this server sends notifications to its own SNS-style topics.',
      });
      const missing = { ...changed, id: 'missing', arn: 'arn:aws:sns:default::no-such-topic-h3' };
      expect(await failureOf(call('buckets:setNotifications', { connectionId: id, bucket, rules: [missing], eventBridge: false }))).toMatchObject({
        kind: 'notFound',
        code: 'coreBuckets:notifications.noTopic',
      });
      const unknownEvent = { ...changed, events: ['s3:ObjectRestore:*'] };
      expect(await failureOf(call('buckets:setNotifications', { connectionId: id, bucket, rules: [unknownEvent], eventBridge: false }))).toMatchObject({
        kind: 'invalidInput',
        code: 'coreBuckets:notifications.refusedNoReason',
      });
      // A refused save removed nothing.
      expect(await read()).toEqual({ supported: true, value: { rules: [changed], eventBridge: false, onAws: false } });

      await call('buckets:setNotifications', { connectionId: id, bucket, rules: [], eventBridge: false });
      expect(await read()).toEqual({ supported: true, value: { rules: [], eventBridge: false, onAws: false } });
    } finally {
      await h.dispose();
    }
  });
});
