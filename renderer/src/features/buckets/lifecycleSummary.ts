/**
 * One plain sentence saying what a lifecycle rule does: the objects it applies to, then what
 * happens to them, each a whole phrase of the catalog (Spanish orders them its own way).
 */
import type { LifecycleRule } from '../../../../shared/buckets.js';
import { t } from '../../i18n/i18n.js';
import { formatStorageClass } from '../../lib/format.js';
import { listWords } from './listWords.js';

function scopeOf(rule: LifecycleRule): string {
  const tag = rule.tag ? { key: rule.tag.key, value: rule.tag.value } : undefined;
  if (rule.prefix && tag) return t('buckets:lifecycle.summary.scope.prefixAndTag', { prefix: rule.prefix, ...tag });
  if (rule.prefix) return t('buckets:lifecycle.summary.scope.prefix', { prefix: rule.prefix });
  if (tag) return t('buckets:lifecycle.summary.scope.tag', tag);
  return t('buckets:lifecycle.summary.scope.all');
}

const capitalized = (sentence: string) => sentence.charAt(0).toLocaleUpperCase() + sentence.slice(1);

export function describeLifecycleRule(rule: LifecycleRule): string {
  const scope = scopeOf(rule);
  const moves = (rule.transitions ?? []).map((m, i) =>
    i === 0
      ? t('buckets:lifecycle.summary.move', { count: m.days, storageClass: formatStorageClass(m.storageClass) })
      : t('buckets:lifecycle.summary.thenMove', { count: m.days, storageClass: formatStorageClass(m.storageClass) }),
  );
  const current = [...moves, ...(rule.expirationDays ? [t('buckets:lifecycle.summary.expire', { count: rule.expirationDays })] : [])];
  const others = [
    rule.noncurrentExpirationDays ? t('buckets:lifecycle.summary.oldVersions', { count: rule.noncurrentExpirationDays }) : '',
    rule.abortIncompleteMultipartDays ? t('buckets:lifecycle.summary.abortUploads', { count: rule.abortIncompleteMultipartDays }) : '',
  ].filter(Boolean);
  if (current.length === 0 && others.length === 0) return capitalized(t('buckets:lifecycle.summary.nothing', { scope }));
  if (current.length === 0) return capitalized(t('buckets:lifecycle.summary.forScope', { scope, actions: listWords(others) }));
  return capitalized(`${[t('buckets:lifecycle.summary.current', { scope, actions: listWords(current) }), ...others].join('; ')}.`);
}
