/**
 * The storage class filter rides in the filter text as a `class:NAME` token, so the
 * filter box always shows everything that hides rows.
 */
const token = /(?:^|\s)class:([A-Z_]+)(?=\s|$)/i;

export function splitClassFilter(filter: string): { text: string; storageClass?: string } {
  const match = token.exec(filter);
  if (!match) return { text: filter };
  return { text: filter.replace(match[0], ' ').trim(), storageClass: match[1]!.toUpperCase() };
}

export function withClassFilter(filter: string, storageClass: string): string {
  const { text } = splitClassFilter(filter);
  return storageClass ? `class:${storageClass}${text ? ` ${text}` : ''}` : text;
}
