/** One plain sentence saying what a lifecycle rule does. */
import type { LifecycleRule } from '../../../../shared/buckets.js';
import { listWords } from './listWords.js';

const days = (n: number) => (n === 1 ? '1 day' : `${n.toLocaleString('en-US')} days`);

function scopeOf(rule: LifecycleRule): string {
  const tag = rule.tag ? `tagged ${rule.tag.key}=${rule.tag.value}` : '';
  if (rule.prefix && tag) return `Objects under ${rule.prefix} ${tag}`;
  if (rule.prefix) return `Objects under ${rule.prefix}`;
  if (tag) return `Objects ${tag}`;
  return 'All objects';
}

export function describeLifecycleRule(rule: LifecycleRule): string {
  const scope = scopeOf(rule);
  const moves = (rule.transitions ?? []).map((t, i) => `${i === 0 ? 'move' : 'then'} to ${t.storageClass} after ${days(t.days)}`);
  const current = [...moves, ...(rule.expirationDays ? [`are deleted after ${days(rule.expirationDays)}`] : [])];
  const others = [
    rule.noncurrentExpirationDays ? `old versions are deleted ${days(rule.noncurrentExpirationDays)} after being replaced` : '',
    rule.abortIncompleteMultipartDays ? `unfinished uploads are aborted after ${days(rule.abortIncompleteMultipartDays)}` : '',
  ].filter(Boolean);
  if (current.length === 0 && others.length === 0) return `${scope}: nothing happens yet; add an action.`;
  if (current.length === 0) return `For ${scope.charAt(0).toLowerCase()}${scope.slice(1)}, ${listWords(others)}.`;
  return [`${scope} ${listWords(current)}`, ...others].join('; ') + '.';
}
