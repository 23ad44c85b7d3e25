/**
 * Lifecycle rules as the form edits them (text fields, one filter choice) and back, with
 * S3's rules checked as you type. Each problem is a sentence meant for the field it names.
 */
import type { LifecycleRule } from '../../../../shared/buckets.js';
import { t } from '../../i18n/i18n.js';
import { formatStorageClass } from '../../lib/format.js';

/** Classes a lifecycle rule can move objects to, in S3's "waterfall" order (warm to cold). */
export const transitionClasses = ['STANDARD_IA', 'INTELLIGENT_TIERING', 'ONEZONE_IA', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'] as const;

/** Infrequent-access classes: S3 refuses transitions to them before day 30, and objects stay 30 days before moving on. */
const infrequentAccess: readonly string[] = ['STANDARD_IA', 'ONEZONE_IA'];

export const maxDays = 36_500;
export const maxRuleIdLength = 255;

export type FilterKind = 'all' | 'prefix' | 'tag' | 'prefixAndTag';

export interface TransitionDraft {
  days: string;
  storageClass: string;
}

export interface LifecycleDraft {
  /** Stable React key; not saved. */
  key: string;
  id: string;
  enabled: boolean;
  filter: FilterKind;
  prefix: string;
  tagKey: string;
  tagValue: string;
  transitions: TransitionDraft[];
  /** '' = not set. */
  expirationDays: string;
  noncurrentExpirationDays: string;
  abortIncompleteMultipartDays: string;
}

export interface LifecycleProblems {
  id?: string;
  prefix?: string;
  tagKey?: string;
  tagValue?: string;
  /** One entry per transition row (undefined = fine). */
  transitions: (string | undefined)[];
  expirationDays?: string;
  noncurrentExpirationDays?: string;
  abortIncompleteMultipartDays?: string;
  /** About the rule as a whole (no action at all). */
  rule?: string;
}

let keys = 0;
const nextKey = () => `rule-${++keys}`;

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

export function toLifecycleDraft(rule: LifecycleRule): LifecycleDraft {
  const filter: FilterKind = rule.prefix && rule.tag ? 'prefixAndTag' : rule.prefix ? 'prefix' : rule.tag ? 'tag' : 'all';
  return {
    key: nextKey(),
    id: rule.id,
    enabled: rule.enabled,
    filter,
    prefix: rule.prefix ?? '',
    tagKey: rule.tag?.key ?? '',
    tagValue: rule.tag?.value ?? '',
    // Servers need not keep the order (RGW does not): the form lists them by day, as they happen.
    transitions: [...(rule.transitions ?? [])].sort((a, b) => a.days - b.days).map((t) => ({ days: String(t.days), storageClass: t.storageClass })),
    expirationDays: text(rule.expirationDays),
    noncurrentExpirationDays: text(rule.noncurrentExpirationDays),
    abortIncompleteMultipartDays: text(rule.abortIncompleteMultipartDays),
  };
}

/** `<stem>-<n>` for the first n from the rule count up that no rule has taken: the ID a new rule of any kind starts with. */
export function freeRuleId(stem: string, taken: string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${stem}-${n}`)) n += 1;
  return `${stem}-${n}`;
}

/** A new rule: an ID not taken yet, the whole bucket, and one sensible action to start from. */
export function newLifecycleDraft(taken: string[]): LifecycleDraft {
  return {
    ...toLifecycleDraft({ id: freeRuleId('rule', taken), enabled: true }),
    abortIncompleteMultipartDays: '7',
  };
}

/** Whole days, or undefined when the field is empty or not a whole number. */
export function parseDays(value: string): number | undefined {
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

function daysProblem(value: string, min: number): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (!/^\d+$/.test(trimmed)) return t('buckets:lifecycle.problem.wholeDays');
  const days = Number(trimmed);
  if (days < min) return t('buckets:lifecycle.problem.minDays', { count: min });
  if (days > maxDays) return t('buckets:lifecycle.problem.maxDays', { count: maxDays });
  return undefined;
}

function transitionProblems(rows: TransitionDraft[]): (string | undefined)[] {
  const seen = new Set<string>();
  let previous: { days: number; storageClass: string } | undefined;
  return rows.map((row) => {
    if (row.days.trim() === '') return t('buckets:lifecycle.problem.transitionDays');
    const own = daysProblem(row.days, 0);
    if (own) return own;
    const ia = infrequentAccess.includes(row.storageClass);
    const days = Number(row.days.trim());
    let problem: string | undefined;
    if (seen.has(row.storageClass)) problem = t('buckets:lifecycle.problem.sameClass', { storageClass: formatStorageClass(row.storageClass) });
    else if (ia && days < 30) problem = t('buckets:lifecycle.problem.infrequentTooSoon', { storageClass: formatStorageClass(row.storageClass) });
    else if (previous && rank(row.storageClass) <= rank(previous.storageClass))
      problem = t('buckets:lifecycle.problem.warmer', { from: formatStorageClass(previous.storageClass), to: formatStorageClass(row.storageClass) });
    else if (previous && infrequentAccess.includes(previous.storageClass) && days < previous.days + 30)
      problem = t('buckets:lifecycle.problem.infrequentStay', { storageClass: formatStorageClass(previous.storageClass), count: previous.days + 30 });
    else if (previous && days <= previous.days) problem = t('buckets:lifecycle.problem.moreDays', { days: previous.days });
    seen.add(row.storageClass);
    if (!problem) previous = { days, storageClass: row.storageClass };
    return problem;
  });
}

const rank = (storageClass: string) => {
  const i = (transitionClasses as readonly string[]).indexOf(storageClass);
  return i === -1 ? transitionClasses.length : i;
};

/** A rule ID's problem (missing, too long, taken by a rule above); `ids` are every rule's trimmed ID. */
export function ruleIdProblem(ids: string[], i: number): string | undefined {
  const id = ids[i]!;
  if (!id) return t('buckets:lifecycle.problem.noId');
  if (id.length > maxRuleIdLength) return t('buckets:lifecycle.problem.longId', { count: maxRuleIdLength });
  if (ids.indexOf(id) !== i) return t('buckets:lifecycle.problem.takenId', { id });
  return undefined;
}

/** Problems per rule, in the same order as the drafts. */
export function lifecycleProblems(drafts: LifecycleDraft[]): LifecycleProblems[] {
  const ids = drafts.map((d) => d.id.trim());
  return drafts.map((d, i) => {
    const p: LifecycleProblems = { transitions: transitionProblems(d.transitions) };
    const idProblem = ruleIdProblem(ids, i);
    if (idProblem) p.id = idProblem;
    if ((d.filter === 'prefix' || d.filter === 'prefixAndTag') && !d.prefix) p.prefix = t('buckets:lifecycle.problem.noPrefix');
    else if (d.prefix.length > 1024) p.prefix = t('buckets:problem.longPrefix', { count: 1024 });
    if (d.filter === 'tag' || d.filter === 'prefixAndTag') {
      if (!d.tagKey.trim()) p.tagKey = t('buckets:lifecycle.problem.noTagKey');
      else if (d.tagKey.length > 128) p.tagKey = t('buckets:lifecycle.problem.longTagKey', { count: 128 });
      if (d.tagValue.length > 256) p.tagValue = t('buckets:lifecycle.problem.longTagValue', { count: 256 });
    }
    const expiration = daysProblem(d.expirationDays, 1);
    const lastMove = Math.max(-1, ...d.transitions.map((t) => parseDays(t.days) ?? -1));
    const expires = parseDays(d.expirationDays);
    if (expiration) p.expirationDays = expiration;
    else if (expires !== undefined && expires <= lastMove) p.expirationDays = t('buckets:lifecycle.problem.expireAfterMoves', { day: lastMove });
    const noncurrent = daysProblem(d.noncurrentExpirationDays, 1);
    if (noncurrent) p.noncurrentExpirationDays = noncurrent;
    const abort = daysProblem(d.abortIncompleteMultipartDays, 1);
    if (abort) p.abortIncompleteMultipartDays = abort;
    const acts = [d.expirationDays, d.noncurrentExpirationDays, d.abortIncompleteMultipartDays].some((v) => v.trim() !== '') || d.transitions.length > 0;
    if (!acts) p.rule = t('buckets:lifecycle.problem.noAction');
    return p;
  });
}

export function hasProblems(problems: LifecycleProblems): boolean {
  const { transitions, ...rest } = problems;
  return transitions.some(Boolean) || Object.values(rest).some(Boolean);
}

/** The rule the draft stands for; fields that are empty or not numbers are left out. */
export function fromLifecycleDraft(d: LifecycleDraft): LifecycleRule {
  const withPrefix = d.filter === 'prefix' || d.filter === 'prefixAndTag';
  const withTag = d.filter === 'tag' || d.filter === 'prefixAndTag';
  const transitions = d.transitions.flatMap((t) => {
    const days = parseDays(t.days);
    return days === undefined ? [] : [{ days, storageClass: t.storageClass }];
  });
  const expirationDays = parseDays(d.expirationDays);
  const noncurrentExpirationDays = parseDays(d.noncurrentExpirationDays);
  const abortIncompleteMultipartDays = parseDays(d.abortIncompleteMultipartDays);
  return {
    id: d.id.trim(),
    enabled: d.enabled,
    ...(withPrefix && d.prefix ? { prefix: d.prefix } : {}),
    ...(withTag && d.tagKey.trim() ? { tag: { key: d.tagKey.trim(), value: d.tagValue } } : {}),
    ...(transitions.length ? { transitions } : {}),
    ...(expirationDays ? { expirationDays } : {}),
    ...(noncurrentExpirationDays ? { noncurrentExpirationDays } : {}),
    ...(abortIncompleteMultipartDays ? { abortIncompleteMultipartDays } : {}),
  };
}
