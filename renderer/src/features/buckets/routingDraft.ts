/**
 * Website routing rules as the form edits them (a condition, then where to redirect) and
 * back, checked as you type, plus a sentence saying what each rule does.
 */
import type { WebsiteRoutingRule } from '../../../../shared/buckets.js';
import { t } from '../../i18n/i18n.js';

export type ConditionKind = 'prefix' | 'error' | 'both' | 'always';
export type KeyChange = 'keep' | 'prefix' | 'key';

export interface RoutingDraft {
  key: string;
  condition: ConditionKind;
  keyPrefix: string;
  errorCode: string;
  hostName: string;
  protocol: '' | 'http' | 'https';
  keyChange: KeyChange;
  /** The new prefix (keyChange 'prefix', may be empty to drop the prefix) or the new key ('key'). */
  replaceWith: string;
  /** '' = S3's default, 301. */
  redirectCode: string;
}

export interface RoutingProblems {
  keyPrefix?: string;
  errorCode?: string;
  hostName?: string;
  replaceWith?: string;
  redirectCode?: string;
  rule?: string;
}

/** HTTP redirect codes with the words that name them (said by `t(labelKey)`). */
export const redirectCodes = [
  { code: '301', labelKey: 'buckets:routing.code301' },
  { code: '302', labelKey: 'buckets:routing.code302' },
  { code: '303', labelKey: 'buckets:routing.code303' },
  { code: '307', labelKey: 'buckets:routing.code307' },
  { code: '308', labelKey: 'buckets:routing.code308' },
];

let keys = 0;
const nextKey = () => `route-${++keys}`;

export function toRoutingDraft(rule: WebsiteRoutingRule): RoutingDraft {
  const prefix = rule.Condition?.KeyPrefixEquals;
  const error = rule.Condition?.HttpErrorCodeReturnedEquals;
  const r = rule.Redirect;
  const condition: ConditionKind = prefix && error ? 'both' : prefix ? 'prefix' : error ? 'error' : 'always';
  const keyChange: KeyChange = r.ReplaceKeyWith ? 'key' : r.ReplaceKeyPrefixWith !== undefined ? 'prefix' : 'keep';
  return {
    key: nextKey(),
    condition,
    keyPrefix: prefix ?? '',
    errorCode: error ?? '',
    hostName: r.HostName ?? '',
    protocol: r.Protocol === 'http' || r.Protocol === 'https' ? r.Protocol : '',
    keyChange,
    replaceWith: (keyChange === 'key' ? r.ReplaceKeyWith : r.ReplaceKeyPrefixWith) ?? '',
    redirectCode: r.HttpRedirectCode ?? '',
  };
}

export function newRoutingDraft(): RoutingDraft {
  return { ...toRoutingDraft({ Condition: { KeyPrefixEquals: '' }, Redirect: {} }), condition: 'prefix', keyChange: 'prefix' };
}

const usesPrefix = (d: RoutingDraft) => d.condition === 'prefix' || d.condition === 'both';
const usesError = (d: RoutingDraft) => d.condition === 'error' || d.condition === 'both';

export function routingProblems(d: RoutingDraft): RoutingProblems {
  const p: RoutingProblems = {};
  if (usesPrefix(d) && !d.keyPrefix) p.keyPrefix = t('buckets:routing.problem.noPrefix');
  else if (d.keyPrefix.length > 1024) p.keyPrefix = t('buckets:problem.longPrefix', { count: 1024 });
  if (usesError(d) && !/^[45]\d\d$/.test(d.errorCode.trim())) p.errorCode = t('buckets:routing.problem.errorCode');
  const host = d.hostName.trim();
  if (/^[a-z]+:\/\//i.test(host)) p.hostName = t('buckets:routing.problem.hostWithScheme');
  else if (host && !/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host)) p.hostName = t('buckets:routing.problem.notHost', { host });
  else if (host.length > 255) p.hostName = t('buckets:routing.problem.longHost', { count: 255 });
  if (d.keyChange === 'key' && !d.replaceWith.trim()) p.replaceWith = t('buckets:routing.problem.noKey');
  else if (d.replaceWith.length > 1024) p.replaceWith = t('buckets:routing.problem.longReplacement', { count: 1024 });
  if (d.redirectCode && !/^3\d\d$/.test(d.redirectCode)) p.redirectCode = t('buckets:routing.problem.redirectCode');
  if (!host && !d.protocol && d.keyChange === 'keep' && !d.redirectCode) p.rule = t('buckets:routing.problem.noTarget');
  return p;
}

export const routingHasProblems = (p: RoutingProblems): boolean => Object.values(p).some(Boolean);

export function fromRoutingDraft(d: RoutingDraft): WebsiteRoutingRule {
  const host = d.hostName.trim();
  const condition = {
    ...(usesPrefix(d) ? { KeyPrefixEquals: d.keyPrefix } : {}),
    ...(usesError(d) ? { HttpErrorCodeReturnedEquals: d.errorCode.trim() } : {}),
  };
  return {
    ...(Object.keys(condition).length ? { Condition: condition } : {}),
    Redirect: {
      ...(host ? { HostName: host } : {}),
      ...(d.protocol ? { Protocol: d.protocol } : {}),
      ...(d.keyChange === 'prefix' ? { ReplaceKeyPrefixWith: d.replaceWith } : {}),
      ...(d.keyChange === 'key' ? { ReplaceKeyWith: d.replaceWith.trim() } : {}),
      ...(d.redirectCode ? { HttpRedirectCode: d.redirectCode } : {}),
    },
  };
}

export function describeRoutingRule(rule: WebsiteRoutingRule): string {
  const prefix = rule.Condition?.KeyPrefixEquals;
  const error = rule.Condition?.HttpErrorCodeReturnedEquals;
  const r = rule.Redirect;
  const target =
    r.ReplaceKeyWith !== undefined
      ? t('buckets:routing.summary.toKey', { key: r.ReplaceKeyWith })
      : r.ReplaceKeyPrefixWith
        ? t('buckets:routing.summary.toPrefix', { prefix: r.ReplaceKeyPrefixWith })
        : r.ReplaceKeyPrefixWith === ''
          ? t('buckets:routing.summary.withoutPrefix')
          : '';
  const details = [
    target,
    r.HostName ? t('buckets:routing.summary.onHost', { host: r.HostName }) : '',
    r.Protocol ? t('buckets:routing.summary.overProtocol', { protocol: r.Protocol }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const code = r.HttpRedirectCode ?? '301';
  if (!prefix && !error) return details ? t('buckets:routing.summary.everyTo', { details, code }) : t('buckets:routing.summary.every', { code });
  const when =
    prefix && error
      ? t('buckets:routing.summary.whenPrefixAndError', { prefix, error })
      : prefix
        ? t('buckets:routing.summary.whenPrefix', { prefix })
        : t('buckets:routing.summary.whenError', { error });
  const sentence = details ? t('buckets:routing.summary.someTo', { when, details, code }) : t('buckets:routing.summary.some', { when, code });
  return `${sentence.charAt(0).toLocaleUpperCase()}${sentence.slice(1)}`;
}
