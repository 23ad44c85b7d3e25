/**
 * What a search query matches: a name holding the text anywhere, or, when the query has a
 * glob's `*`, `?` or `[...]`, a name the whole glob describes. Case-insensitive unless asked.
 */
import { codedError } from '../errors.js';

export type NameMatcher = (name: string) => boolean;

const globChars = /[*?[]/u;

export const isGlob = (query: string): boolean => globChars.test(query);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** The glob as a regular expression source; a `[` with no closing `]` stands for itself. */
function globSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      out += `[${negated ? '^' : ''}${body.replace(/[\\\]^]/gu, '\\$&')}]`;
      i = close;
    } else out += escapeRegExp(c);
  }
  return out;
}

export function nameMatcher(query: string, caseSensitive: boolean): NameMatcher {
  if (isGlob(query)) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(`^${globSource(query)}$`, caseSensitive ? 'su' : 'isu');
    } catch (error) {
      // A set the engine refuses, such as `[z-a]`.
      throw codedError('invalidInput', 'coreSearch:badGlob', { query }, error);
    }
    return (name) => pattern.test(name);
  }
  if (caseSensitive) return (name) => name.includes(query);
  const lower = query.toLowerCase();
  return (name) => name.toLowerCase().includes(lower);
}
