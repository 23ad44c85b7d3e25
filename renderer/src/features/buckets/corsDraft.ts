/**
 * CORS rules as the form edits them (one origin or header a line, method checkboxes) and
 * back, checked as you type, plus a sentence saying what each rule allows.
 */
import type { CorsMethod, CorsRule } from '../../../../shared/buckets.js';
import { t } from '../../i18n/i18n.js';
import { listWords } from './listWords.js';

export const corsMethods: readonly CorsMethod[] = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'];
const maxAge = 86_400 * 365;

export interface CorsDraft {
  key: string;
  /** One a line. */
  origins: string;
  methods: CorsMethod[];
  allowedHeaders: string;
  exposeHeaders: string;
  /** '' = not set. */
  maxAgeSeconds: string;
}

export interface CorsProblems {
  origins?: string;
  methods?: string;
  allowedHeaders?: string;
  exposeHeaders?: string;
  maxAgeSeconds?: string;
}

let keys = 0;
const nextKey = () => `cors-${++keys}`;

/** The non-empty lines of a text area, trimmed. */
export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function toCorsDraft(rule: CorsRule): CorsDraft {
  return {
    key: nextKey(),
    origins: rule.allowedOrigins.join('\n'),
    methods: corsMethods.filter((m) => rule.allowedMethods.includes(m)),
    allowedHeaders: (rule.allowedHeaders ?? []).join('\n'),
    exposeHeaders: (rule.exposeHeaders ?? []).join('\n'),
    maxAgeSeconds: rule.maxAgeSeconds === undefined ? '' : String(rule.maxAgeSeconds),
  };
}

export function newCorsDraft(): CorsDraft {
  return { ...toCorsDraft({ allowedOrigins: [], allowedMethods: ['GET', 'HEAD'] }), maxAgeSeconds: '3000' };
}

const stars = (s: string) => s.split('*').length - 1;

/** `*`, or scheme://host[:port] with at most one `*` (such as https://*.example.com). */
export function originProblem(origin: string): string | null {
  if (origin === '*') return null;
  if (stars(origin) > 1) return t('buckets:cors.problem.originStars', { origin });
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/\s:?#]+)(?::(\d{1,5}))?$/i.exec(origin);
  if (!match) return t('buckets:cors.problem.notOrigin', { origin });
  if (match[3] && Number(match[3]) > 65535) return t('buckets:cors.problem.port', { origin });
  return null;
}

const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function headersProblem(text: string): string | undefined {
  for (const header of lines(text)) {
    if (!headerName.test(header)) return t('buckets:cors.problem.notHeader', { header });
    if (stars(header) > 1) return t('buckets:cors.problem.headerStars', { header });
  }
  return undefined;
}

export function corsProblems(draft: CorsDraft): CorsProblems {
  const p: CorsProblems = {};
  const origins = lines(draft.origins);
  if (origins.length === 0) p.origins = t('buckets:cors.problem.noOrigin');
  else p.origins = origins.map(originProblem).find(Boolean) ?? undefined;
  if (draft.methods.length === 0) p.methods = t('buckets:cors.problem.noMethod');
  p.allowedHeaders = headersProblem(draft.allowedHeaders);
  p.exposeHeaders = headersProblem(draft.exposeHeaders);
  const age = draft.maxAgeSeconds.trim();
  if (age && !/^\d+$/.test(age)) p.maxAgeSeconds = t('buckets:cors.problem.wholeSeconds');
  else if (age && Number(age) > maxAge) p.maxAgeSeconds = t('buckets:cors.problem.maxAge', { count: maxAge });
  return p;
}

export const corsHasProblems = (p: CorsProblems): boolean => Object.values(p).some(Boolean);

export function fromCorsDraft(d: CorsDraft): CorsRule {
  const allowedHeaders = lines(d.allowedHeaders);
  const exposeHeaders = lines(d.exposeHeaders);
  const age = d.maxAgeSeconds.trim();
  return {
    allowedOrigins: lines(d.origins),
    allowedMethods: corsMethods.filter((m) => d.methods.includes(m)),
    ...(allowedHeaders.length ? { allowedHeaders } : {}),
    ...(exposeHeaders.length ? { exposeHeaders } : {}),
    ...(/^\d+$/.test(age) ? { maxAgeSeconds: Number(age) } : {}),
  };
}

export function describeCorsRule(rule: CorsRule): string {
  if (rule.allowedOrigins.length === 0) return t('buckets:cors.summary.noOrigin');
  const who = rule.allowedOrigins.includes('*') ? t('buckets:cors.summary.anySite') : t('buckets:cors.summary.sites', { origins: listWords(rule.allowedOrigins) });
  const methods = listWords(rule.allowedMethods);
  const headers = rule.allowedHeaders ?? [];
  const send = !rule.allowedMethods.length
    ? t('buckets:cors.summary.sendNothing', { who })
    : headers.includes('*')
      ? t('buckets:cors.summary.sendAnyHeader', { who, methods })
      : headers.length
        ? t('buckets:cors.summary.sendHeaders', { who, methods, headers: listWords(headers), count: headers.length })
        : t('buckets:cors.summary.send', { who, methods });
  const exposed = rule.exposeHeaders?.length ? t('buckets:cors.summary.exposed', { headers: listWords(rule.exposeHeaders) }) : '';
  const cached = rule.maxAgeSeconds ? t('buckets:cors.summary.cached', { count: rule.maxAgeSeconds }) : '';
  const sentence = [send, exposed, cached].filter(Boolean).join(', ');
  return `${sentence.charAt(0).toLocaleUpperCase()}${sentence.slice(1)}.`;
}
