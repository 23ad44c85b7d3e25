import { beforeAll, describe, expect, it } from 'vitest';
import { parseRequest } from '../../electron/core/ipc/dispatch.js';
import { startI18n } from '../../renderer/src/i18n/i18n.js';
import type { NotificationRule, ReplicationRule } from '../../shared/buckets.js';
import {
  describeNotification,
  fromNotificationDraft,
  newNotificationDraft,
  notificationProblems,
  toggleEvent,
  toNotificationDraft,
} from '../../renderer/src/features/buckets/notificationDraft.js';
import {
  describeReplicationRule,
  fromReplicationDraft,
  newReplicationDraft,
  replicationProblems,
  roleProblem,
  toReplicationDraft,
  type ReplicationDraft,
} from '../../renderer/src/features/buckets/replicationDraft.js';

beforeAll(() => startI18n('en'));

const full: ReplicationRule = {
  id: 'invoices-to-dr',
  enabled: true,
  priority: 2,
  prefix: 'invoices/',
  tags: [
    { key: 'class', value: 'finance' },
    { key: 'year', value: '2026' },
  ],
  destinationBucket: 'dr-bucket',
  destinationAccount: '444455556666',
  storageClass: 'STANDARD_IA',
  ownerOverride: true,
  deleteMarkers: false,
};
const draft = (patch: Partial<ReplicationDraft>): ReplicationDraft => ({ ...toReplicationDraft({ ...full, tags: undefined, prefix: undefined, destinationAccount: undefined, ownerOverride: undefined }), ...patch });
const problemsOf = (patch: Partial<ReplicationDraft>, bucket = 'source') => replicationProblems([draft(patch)], bucket)[0]!;

describe('replication rule drafts', () => {
  it('round-trips every field, tags as key=value lines, and says what the rule copies', () => {
    const d = toReplicationDraft(full);
    expect(d).toMatchObject({ scope: 'prefixAndTags', tags: 'class=finance\nyear=2026', otherAccount: true, priority: '2' });
    expect(fromReplicationDraft(d)).toEqual(full);
    expect(replicationProblems([d], 'source')[0]).toEqual({});
    expect(describeReplicationRule(full)).toBe(
      'New objects under invoices/ tagged class=finance, year=2026 are copied to dr-bucket of account 444455556666. Copies are stored as Standard-IA. Delete markers are not replicated.',
    );
    expect(describeReplicationRule({ id: 'a', enabled: true, priority: 1, destinationBucket: 'backup', deleteMarkers: true })).toBe(
      'All new objects are copied to backup. Delete markers are replicated.',
    );
  });

  it('leaves out what the chosen scope and account hide', () => {
    const d = { ...toReplicationDraft(full), scope: 'prefix' as const, otherAccount: false };
    expect(fromReplicationDraft(d)).toEqual({ id: 'invoices-to-dr', enabled: true, priority: 2, prefix: 'invoices/', destinationBucket: 'dr-bucket', storageClass: 'STANDARD_IA', deleteMarkers: false });
  });

  it('names each problem in a sentence', () => {
    expect(problemsOf({ id: '' }).id).toBe('Give the rule an ID, such as archive-logs.');
    expect(problemsOf({ priority: 'x' }).priority).toBe('Enter a whole number, such as 1: the higher number wins when rules overlap.');
    expect(replicationProblems([draft({}), draft({ id: 'other' })], 'source')[1]!.priority).toBe('Another rule above already has priority 2: each rule needs its own.');
    expect(problemsOf({ scope: 'prefix', prefix: '' }).prefix).toBe('Enter the prefix, such as logs/, or choose Whole bucket.');
    expect(problemsOf({ scope: 'tags', tags: '', deleteMarkers: false }).tags).toBe('Enter at least one tag, such as project=alpha.');
    expect(problemsOf({ scope: 'tags', tags: '=x', deleteMarkers: false }).tags).toBe('Write each tag as key=value.');
    expect(problemsOf({ scope: 'tags', tags: 'a=b', deleteMarkers: true }).deleteMarkers).toContain('S3 cannot replicate delete markers in a rule that filters by tags');
    expect(problemsOf({ destinationBucket: '' }).destinationBucket).toBe('Enter the name of the bucket the copies go to.');
    expect(problemsOf({ destinationBucket: 'Bad_Name' }).destinationBucket).toMatch(/lowercase|upper/i);
    expect(problemsOf({ destinationBucket: 'source' }).destinationBucket).toBe('A bucket cannot replicate to itself: choose another bucket.');
    expect(problemsOf({ otherAccount: true, destinationAccount: '1234' }).destinationAccount).toBe('An AWS account ID is 12 digits, such as 123456789012.');
  });

  it('checks the IAM role ARN by shape, and needs one only when there are rules', () => {
    expect(roleProblem('', false)).toBeNull();
    expect(roleProblem('', true)).toBe('Enter the IAM role S3 assumes to replicate objects.');
    expect(roleProblem('arn:aws:iam::111122223333:role/service-role/s3-replication', true)).toBeNull();
    expect(roleProblem('arn:aws:iam::111122223333:user/alice', true)).toBe('An IAM role ARN looks like arn:aws:iam::123456789012:role/s3-replication.');
  });

  it('gives a new rule an unused ID and the next priority', () => {
    const first = newReplicationDraft([]);
    const second = newReplicationDraft([first]);
    expect([first.id, first.priority, second.id, second.priority]).toEqual(['replicate-1', '1', 'replicate-2', '2']);
    expect(fromReplicationDraft(first)).not.toHaveProperty('heldId');
  });

  it('keeps the ID the rule has on the server while the form renames it', () => {
    const held = { ...full, heldId: 'invoices-to-dr' };
    expect(fromReplicationDraft(toReplicationDraft(held))).toEqual(held);
    expect(fromReplicationDraft({ ...toReplicationDraft(held), id: 'invoices-2026' })).toEqual({ ...held, id: 'invoices-2026' });
  });
});

describe('the replication contract (main and the core check each save)', () => {
  const role = 'arn:aws:iam::111122223333:role/s3-replication';
  const save = (patch: Partial<ReplicationRule>, saved = role) =>
    parseRequest('buckets:setReplication', { connectionId: 'c', bucket: 'source', role: saved, rules: [{ ...full, ...patch }] });
  const refusal = (code: string, path: string, message: string) => ({ ok: false, error: { kind: 'invalidInput', code, params: { path }, message } });

  it('refuses a destination that is not a bucket name, a class no replica is stored in, and a role of spaces', () => {
    expect(save({ destinationBucket: 'Bad_Name' })).toEqual(
      refusal('coreIpc:refused.replicationDestination', 'rules.0.destinationBucket', 'The request is not valid: The destination is not a valid bucket name (rules.0.destinationBucket).'),
    );
    expect(save({ destinationBucket: 'xn--bucket' }).ok).toBe(false);
    expect(save({ storageClass: 'EXPRESS_ONEZONE' })).toEqual(
      refusal('coreIpc:refused.replicaStorageClass', 'rules.0.storageClass', 'The request is not valid: A replica cannot be stored in that storage class (rules.0.storageClass).'),
    );
    expect(save({}, '   ')).toMatchObject({ ok: false, error: { code: 'coreIpc:refused.replicationRole' } });
  });

  it('takes a good rule, a class a rule may already hold, and trims the role', () => {
    expect(save({ storageClass: 'REDUCED_REDUNDANCY' }).ok).toBe(true);
    expect(save({ destinationBucket: ' dr-bucket ' })).toMatchObject({ ok: true, value: { rules: [{ destinationBucket: 'dr-bucket' }] } });
    expect(save({}, `  ${role}\n`)).toMatchObject({ ok: true, value: { role } });
  });
});

describe('event notification drafts', () => {
  const lambda: NotificationRule = {
    id: 'resize',
    target: 'lambda',
    arn: 'arn:aws:lambda:eu-central-1:111122223333:function:resize',
    events: ['s3:ObjectCreated:Put'],
    prefix: 'images/',
    suffix: '.jpg',
  };

  it('round-trips a rule and says what it sends where', () => {
    expect(fromNotificationDraft(toNotificationDraft(lambda))).toEqual(lambda);
    expect(describeNotification(lambda)).toBe(
      'Sends s3:ObjectCreated:Put of objects under images/ ending in .jpg to the Lambda function arn:aws:lambda:eu-central-1:111122223333:function:resize.',
    );
  });

  it('checks the ARN against the target, RGW topics without an account included, and asks for an event', () => {
    const problems = (patch: Partial<NotificationRule>) => notificationProblems([toNotificationDraft({ ...lambda, ...patch })])[0]!;
    expect(problems({})).toEqual({});
    expect(problems({ target: 'queue' }).arn).toBe("Enter the queue's ARN, such as arn:aws:sqs:us-east-1:123456789012:uploads.");
    expect(problems({ target: 'topic', arn: 'arn:aws:sns:default::uploads' })).toEqual({});
    expect(problems({ target: 'topic', arn: 'arn:aws:sns:us-east-1:111122223333:uploads' })).toEqual({});
    expect(problems({ events: [] }).events).toBe('Choose at least one event.');
    const twice = notificationProblems([toNotificationDraft(lambda), toNotificationDraft(lambda)])[1]!;
    expect(twice.id).toBe('Another rule above is already called “resize”.');
  });

  it('lets a family’s * stand for its members', () => {
    expect(toggleEvent(['s3:ObjectCreated:Put', 's3:ObjectRemoved:Delete'], 's3:ObjectCreated:*', true)).toEqual(['s3:ObjectRemoved:Delete', 's3:ObjectCreated:*']);
    expect(toggleEvent(['s3:ObjectCreated:*'], 's3:ObjectCreated:*', false)).toEqual([]);
    expect(newNotificationDraft(['notify-1'])).toMatchObject({ id: 'notify-2', target: 'topic', events: ['s3:ObjectCreated:*'] });
  });
});
