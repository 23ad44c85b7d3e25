/**
 * Website routing rules as the form edits them (a condition, then where to redirect) and
 * back, checked as you type, plus a sentence saying what each rule does.
 */
import type { WebsiteRoutingRule } from '../../../../shared/buckets.js';

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

export const redirectCodes = [
  { code: '301', label: '301 Moved permanently' },
  { code: '302', label: '302 Found' },
  { code: '303', label: '303 See other' },
  { code: '307', label: '307 Temporary redirect' },
  { code: '308', label: '308 Permanent redirect' },
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
  if (usesPrefix(d) && !d.keyPrefix) p.keyPrefix = 'Enter the key prefix, such as docs/.';
  else if (d.keyPrefix.length > 1024) p.keyPrefix = 'Prefixes are at most 1,024 characters long.';
  if (usesError(d) && !/^[45]\d\d$/.test(d.errorCode.trim())) p.errorCode = 'Enter an HTTP error code from 400 to 599, such as 404.';
  const host = d.hostName.trim();
  if (/^[a-z]+:\/\//i.test(host)) p.hostName = 'Enter only the host name, such as www.example.com; choose the protocol beside it.';
  else if (host && !/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host)) p.hostName = `“${host}” is not a host name, such as www.example.com.`;
  else if (host.length > 255) p.hostName = 'Host names are at most 255 characters long.';
  if (d.keyChange === 'key' && !d.replaceWith.trim()) p.replaceWith = 'Enter the key to send visitors to, such as error.html.';
  else if (d.replaceWith.length > 1024) p.replaceWith = 'At most 1,024 characters.';
  if (d.redirectCode && !/^3\d\d$/.test(d.redirectCode)) p.redirectCode = 'Redirect codes are 3xx, such as 301.';
  if (!host && !d.protocol && d.keyChange === 'keep' && !d.redirectCode)
    p.rule = 'Say where to redirect: a host name, a protocol, a new key or prefix, or a redirect code.';
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
  const when =
    prefix && error
      ? `Requests for keys under ${prefix} that fail with ${error}`
      : prefix
        ? `Requests for keys under ${prefix}`
        : error
          ? `Requests that fail with ${error}`
          : 'Every request';
  const r = rule.Redirect;
  const target =
    r.ReplaceKeyWith !== undefined
      ? ` to ${r.ReplaceKeyWith}`
      : r.ReplaceKeyPrefixWith
        ? ` to ${r.ReplaceKeyPrefixWith}…`
        : r.ReplaceKeyPrefixWith === ''
          ? ' without the prefix'
          : '';
  const where = [r.HostName ? ` on ${r.HostName}` : '', r.Protocol ? ` over ${r.Protocol}` : ''].join('');
  return `${when} ${when === 'Every request' ? 'is' : 'are'} redirected${target}${where} (${r.HttpRedirectCode ?? '301'}).`;
}
