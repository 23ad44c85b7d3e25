/**
 * S3's order of keys: by their UTF-8 bytes, which is the order of their code points. JavaScript's
 * `<` compares UTF-16 units, which differs above U+FFFF (a surrogate sorts before U+E000-U+FFFF).
 */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  return a.codePointAt(i)! - b.codePointAt(i)!;
}
