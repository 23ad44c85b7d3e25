/**
 * A pseudo-locale: every catalog string accented and a third longer, its placeholders
 * (`{{count}}`) and markup (`<1>…</1>`) kept. A screen in it shows at a glance any string that
 * bypassed the catalogs (plain ASCII) and any box too narrow for a longer language.
 */
export const pseudoLanguage = 'en-XA';

const accents: Record<string, string> = {
  a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', c: 'ç', n: 'ñ', y: 'ý', s: 'š', z: 'ž',
  A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', C: 'Ç', N: 'Ñ', Y: 'Ý', S: 'Š', Z: 'Ž',
};

/** Placeholders and tags pass through untouched; the rest is accented and padded by a third. */
export function pseudoString(text: string): string {
  const parts = text.split(/({{[^}]+}}|<\/?\d+>|\$t\([^)]*\))/);
  const accented = parts.map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z]/g, (ch) => accents[ch] ?? ch))).join('');
  return `⟦${accented}${'·'.repeat(Math.ceil(text.length * 0.3))}⟧`;
}

export function pseudoCatalog(catalog: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(catalog).map(([key, value]) => [key, typeof value === 'string' ? pseudoString(value) : pseudoCatalog(value as Record<string, unknown>)]),
  );
}
