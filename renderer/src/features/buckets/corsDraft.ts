/**
 * CORS rules as the form edits them (one origin or header a line, method checkboxes) and
 * back, checked as you type, plus a sentence saying what each rule allows.
 */
import type { CorsMethod, CorsRule } from '../../../../shared/buckets.js';
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
  if (stars(origin) > 1) return `“${origin}” has more than one *: S3 allows one wildcard per origin.`;
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/\s:?#]+)(?::(\d{1,5}))?$/i.exec(origin);
  if (!match) return `“${origin}” is not an origin: enter * or scheme://host[:port], such as https://app.example.com (no path).`;
  if (match[3] && Number(match[3]) > 65535) return `“${origin}” has a port above 65535.`;
  return null;
}

const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function headersProblem(text: string): string | undefined {
  for (const header of lines(text)) {
    if (!headerName.test(header)) return `“${header}” is not a header name (letters, digits and - only, no spaces or colons).`;
    if (stars(header) > 1) return `“${header}” has more than one *: S3 allows one wildcard per header.`;
  }
  return undefined;
}

export function corsProblems(draft: CorsDraft): CorsProblems {
  const p: CorsProblems = {};
  const origins = lines(draft.origins);
  if (origins.length === 0) p.origins = 'Enter at least one origin, such as https://app.example.com, or * for any site.';
  else p.origins = origins.map(originProblem).find(Boolean) ?? undefined;
  if (draft.methods.length === 0) p.methods = 'Choose at least one method.';
  p.allowedHeaders = headersProblem(draft.allowedHeaders);
  p.exposeHeaders = headersProblem(draft.exposeHeaders);
  const age = draft.maxAgeSeconds.trim();
  if (age && !/^\d+$/.test(age)) p.maxAgeSeconds = 'Enter a whole number of seconds, such as 3000.';
  else if (age && Number(age) > maxAge) p.maxAgeSeconds = 'At most one year (31,536,000 seconds).';
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
  if (rule.allowedOrigins.length === 0) return 'No origin yet: add the sites whose pages may use this bucket.';
  const who = rule.allowedOrigins.includes('*') ? 'Pages on any site' : `Pages on ${listWords(rule.allowedOrigins)}`;
  const what = rule.allowedMethods.length ? `can send ${listWords(rule.allowedMethods)} requests` : 'can send no requests yet';
  const headers = rule.allowedHeaders?.includes('*')
    ? ' with any header'
    : rule.allowedHeaders?.length
      ? ` with the header${rule.allowedHeaders.length > 1 ? 's' : ''} ${listWords(rule.allowedHeaders)}`
      : '';
  const exposed = rule.exposeHeaders?.length ? `, read ${listWords(rule.exposeHeaders)} in answers` : '';
  const cached = rule.maxAgeSeconds ? `, and browsers remember this for ${rule.maxAgeSeconds.toLocaleString('en-US')} seconds` : '';
  return `${who} ${what}${headers}${exposed}${cached}.`;
}
