/**
 * Replication rules as the form edits them (text fields, tags one `key=value` a line) and
 * back, with S3's rules checked as you type, and a sentence saying what each rule copies.
 */
import { bucketNameProblem, replicaStorageClasses, type ReplicationRule, type Tag } from '../../../../shared/buckets.js';
import { t } from '../../i18n/i18n.js';
import { formatStorageClass } from '../../lib/format.js';
import { lines } from './corsDraft.js';
import { freeRuleId, ruleIdProblem } from './lifecycleDraft.js';

export type ReplicationScope = 'all' | 'prefix' | 'tags' | 'prefixAndTags';

/** The classes the form offers ('' keeps the source object's class). */
export const replicaClasses = replicaStorageClasses;

const maxTags = 10;

export interface ReplicationDraft {
  key: string;
  id: string;
  /** The rule's ID on the server (see ReplicationRule), kept while the ID is edited. */
  heldId?: string;
  enabled: boolean;
  priority: string;
  scope: ReplicationScope;
  prefix: string;
  /** One `key=value` a line. */
  tags: string;
  destinationBucket: string;
  otherAccount: boolean;
  destinationAccount: string;
  storageClass: string;
  ownerOverride: boolean;
  deleteMarkers: boolean;
}

export interface ReplicationProblems {
  id?: string;
  priority?: string;
  prefix?: string;
  tags?: string;
  destinationBucket?: string;
  destinationAccount?: string;
  deleteMarkers?: string;
}

let keys = 0;
const nextKey = () => `replication-${++keys}`;

export function toReplicationDraft(rule: ReplicationRule): ReplicationDraft {
  const tags = rule.tags ?? [];
  const scope: ReplicationScope = rule.prefix && tags.length ? 'prefixAndTags' : rule.prefix ? 'prefix' : tags.length ? 'tags' : 'all';
  return {
    key: nextKey(),
    id: rule.id,
    ...(rule.heldId !== undefined ? { heldId: rule.heldId } : {}),
    enabled: rule.enabled,
    priority: String(rule.priority),
    scope,
    prefix: rule.prefix ?? '',
    tags: tags.map((tag) => `${tag.key}=${tag.value}`).join('\n'),
    destinationBucket: rule.destinationBucket,
    otherAccount: !!rule.destinationAccount,
    destinationAccount: rule.destinationAccount ?? '',
    storageClass: rule.storageClass ?? '',
    ownerOverride: !!rule.ownerOverride,
    deleteMarkers: rule.deleteMarkers,
  };
}

/** A new rule: an ID and a priority not taken yet, the whole bucket, delete markers replicated. */
export function newReplicationDraft(drafts: ReplicationDraft[]): ReplicationDraft {
  const taken = drafts.map((d) => d.id.trim());
  const priority = Math.max(0, ...drafts.map((d) => Number(d.priority) || 0)) + 1;
  return toReplicationDraft({ id: freeRuleId('replicate', taken), enabled: true, priority, destinationBucket: '', deleteMarkers: true });
}

/** `key=value` lines as tags; a line without `=` is a key with an empty value. */
export function parseTags(text: string): Tag[] {
  return lines(text).map((line) => {
    const at = line.indexOf('=');
    return at === -1 ? { key: line, value: '' } : { key: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
  });
}

const withPrefix = (d: ReplicationDraft) => d.scope === 'prefix' || d.scope === 'prefixAndTags';
const withTags = (d: ReplicationDraft) => d.scope === 'tags' || d.scope === 'prefixAndTags';

function tagsProblem(text: string): string | undefined {
  const tags = parseTags(text);
  if (tags.length === 0) return t('buckets:replication.problem.noTags');
  if (tags.length > maxTags) return t('buckets:replication.problem.manyTags', { count: maxTags });
  for (const tag of tags) {
    if (!tag.key) return t('buckets:replication.problem.tagLine');
    if (tag.key.length > 128) return t('buckets:lifecycle.problem.longTagKey', { count: 128 });
    if (tag.value.length > 256) return t('buckets:lifecycle.problem.longTagValue', { count: 256 });
  }
  return undefined;
}

/** Problems per rule, in the same order as the drafts. `bucket` is the source: it cannot be its own destination. */
export function replicationProblems(drafts: ReplicationDraft[], bucket: string): ReplicationProblems[] {
  const ids = drafts.map((d) => d.id.trim());
  const priorities = drafts.map((d) => d.priority.trim());
  return drafts.map((d, i) => {
    const p: ReplicationProblems = {};
    const idProblem = ruleIdProblem(ids, i);
    if (idProblem) p.id = idProblem;
    const priority = priorities[i]!;
    if (!/^\d{1,9}$/.test(priority)) p.priority = t('buckets:replication.problem.priority');
    else if (priorities.findIndex((x) => x !== '' && Number(x) === Number(priority)) !== i) p.priority = t('buckets:replication.problem.samePriority', { priority });
    if (withPrefix(d) && !d.prefix) p.prefix = t('buckets:lifecycle.problem.noPrefix');
    else if (d.prefix.length > 1024) p.prefix = t('buckets:problem.longPrefix', { count: 1024 });
    if (withTags(d)) {
      const tags = tagsProblem(d.tags);
      if (tags) p.tags = tags;
      // S3 refuses delete-marker replication on a rule that filters by tags (delete markers have no tags).
      if (d.deleteMarkers) p.deleteMarkers = t('buckets:replication.problem.deleteMarkersWithTags');
    }
    const destination = d.destinationBucket.trim();
    const nameProblem = destination ? bucketNameProblem(destination) : null;
    if (!destination) p.destinationBucket = t('buckets:replication.problem.noDestination');
    else if (nameProblem) p.destinationBucket = t(nameProblem.key, nameProblem.params ?? {});
    else if (destination === bucket && !d.otherAccount) p.destinationBucket = t('buckets:replication.problem.itself');
    if (d.otherAccount && !/^\d{12}$/.test(d.destinationAccount.trim())) p.destinationAccount = t('buckets:replication.problem.account');
    return p;
  });
}

export const replicationHasProblems = (p: ReplicationProblems) => Object.values(p).some(Boolean);

/** IAM role ARNs: arn:aws:iam::123456789012:role/name (a path before the name is allowed). */
export function roleProblem(role: string, hasRules: boolean): string | null {
  const trimmed = role.trim();
  if (!trimmed) return hasRules ? t('buckets:replication.problem.noRole') : null;
  if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/.test(trimmed)) return t('buckets:replication.problem.roleShape');
  return null;
}

export function fromReplicationDraft(d: ReplicationDraft): ReplicationRule {
  const tags = withTags(d) ? parseTags(d.tags).filter((tag) => tag.key) : [];
  const account = d.otherAccount ? d.destinationAccount.trim() : '';
  return {
    id: d.id.trim(),
    ...(d.heldId !== undefined ? { heldId: d.heldId } : {}),
    enabled: d.enabled,
    priority: /^\d{1,9}$/.test(d.priority.trim()) ? Number(d.priority.trim()) : 0,
    ...(withPrefix(d) && d.prefix ? { prefix: d.prefix } : {}),
    ...(tags.length ? { tags } : {}),
    destinationBucket: d.destinationBucket.trim(),
    ...(account ? { destinationAccount: account } : {}),
    ...(d.storageClass ? { storageClass: d.storageClass } : {}),
    ...(account && d.ownerOverride ? { ownerOverride: true } : {}),
    deleteMarkers: d.deleteMarkers,
  };
}

/** What the rule copies and where, as one sentence of the catalog. */
export function describeReplicationRule(rule: ReplicationRule): string {
  const tags = (rule.tags ?? []).map((tag) => `${tag.key}=${tag.value}`).join(', ');
  const scope =
    rule.prefix && tags
      ? t('buckets:replication.summary.scope.prefixAndTags', { prefix: rule.prefix, tags })
      : rule.prefix
        ? t('buckets:replication.summary.scope.prefix', { prefix: rule.prefix })
        : tags
          ? t('buckets:replication.summary.scope.tags', { tags })
          : t('buckets:replication.summary.scope.all');
  const destination = rule.destinationBucket || '—';
  const where = rule.destinationAccount
    ? t('buckets:replication.summary.toAccount', { scope, bucket: destination, account: rule.destinationAccount })
    : t('buckets:replication.summary.to', { scope, bucket: destination });
  const storage = rule.storageClass ? t('buckets:replication.summary.storedAs', { storageClass: formatStorageClass(rule.storageClass) }) : '';
  const markers = rule.deleteMarkers ? t('buckets:replication.summary.withMarkers') : t('buckets:replication.summary.withoutMarkers');
  return [where, storage, markers].filter(Boolean).join(' ');
}
