import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { languages, pickLanguage, effectiveLanguage } from '../../shared/i18n/languages.js';
import { catalogs, i18n, setLanguage, startI18n } from '../../renderer/src/i18n/i18n.js';
import { pseudoLanguage, pseudoString } from '../../renderer/src/i18n/pseudo.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Every message of a catalog by dotted key. */
function flatten(catalog: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value as Record<string, unknown>, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The placeholders and markup a message must keep in every language, by name. */
function slots(message: string): string[] {
  const names = [...message.matchAll(/{{\s*([\w.]+)[^}]*}}/g)].map((m) => `{{${m[1]}}}`);
  const tags = [...message.matchAll(/<\/?(\d+)>/g)].map((m) => m[0]);
  return [...new Set([...names, ...tags])].sort();
}

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('choosing the language', () => {
  it('takes the first preferred language Stowage speaks, by its primary subtag', () => {
    expect(pickLanguage(['es-ES'])).toBe('es');
    expect(pickLanguage(['es-419', 'en-US'])).toBe('es');
    expect(pickLanguage(['es_MX'])).toBe('es');
    expect(pickLanguage(['fr-FR', 'es-AR', 'en'])).toBe('es');
    expect(pickLanguage(['de-DE', 'fr'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('lets the setting override the system', () => {
    expect(effectiveLanguage('system', ['es-CL'])).toBe('es');
    expect(effectiveLanguage('en', ['es-CL'])).toBe('en');
    expect(effectiveLanguage('es', ['en-GB'])).toBe('es');
  });
});

describe('the catalogs', () => {
  const all = catalogs();

  it('have the same namespaces and the same keys in every language, with each language’s plural forms', () => {
    for (const language of languages) {
      expect(Object.keys(all[language]).sort(), language).toEqual(Object.keys(all.en).sort());
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const [ns, catalog] of Object.entries(all.en)) {
        const english = flatten(catalog);
        const theirs = flatten(all[language][ns] ?? {});
        const base = (keys: Iterable<string>) => new Set([...keys].map((k) => k.replace(pluralSuffix, '')));
        expect([...base(theirs.keys())].sort(), `${language}/${ns}`).toEqual([...base(english.keys())].sort());
        for (const key of base(english.keys())) {
          if (!english.has(`${key}_other`)) continue;
          for (const category of categories) {
            expect(theirs.has(`${key}_${category}`), `${language}/${ns}: ${key}_${category}`).toBe(true);
          }
        }
      }
    }
  });

  it("give the core every namespace of its sentences (errors, core*), so it can write their English", async () => {
    const { englishCoreCatalogs } = await import('../../shared/i18n/coreCatalogs.js');
    const coreNamespaces = Object.keys(all.en).filter((ns) => ns === 'errors' || ns.startsWith('core'));
    expect(Object.keys(englishCoreCatalogs).sort()).toEqual(coreNamespaces.sort());
  });

  it('keep every placeholder and tag of each message', () => {
    for (const language of languages) {
      for (const [ns, catalog] of Object.entries(all.en)) {
        const english = flatten(catalog);
        for (const [key, message] of flatten(all[language][ns] ?? {})) {
          const counterpart = english.get(key) ?? english.get(key.replace(pluralSuffix, '_other'));
          expect(slots(message), `${language}/${ns}:${key}`).toEqual(slots(counterpart ?? ''));
        }
      }
    }
  });

  /** Every string literal in the code: keys (and the core's error codes) are written whole, "namespace:key". */
  const literals = (dirs: string[]) =>
    new Set(dirs.flatMap((dir) => sources(dir)).flatMap((file) => [...readFileSync(join(root, file), 'utf8').matchAll(/['"`]([\w.:]+)['"`]/g)].map((m) => m[1]!)));
  const keysOf = (ns: string) => [...new Set([...flatten(all.en[ns] ?? {}).keys()].map((k) => k.replace(pluralSuffix, '')))];

  it('hold no key the code does not use', () => {
    const used = literals(['renderer/src', 'electron', 'shared']);
    const unused = Object.keys(all.en).flatMap((ns) => keysOf(ns).map((k) => `${ns}:${k}`).filter((k) => !used.has(k)));
    expect(unused).toEqual([]);
  });

  it('hold every key the code uses', async () => {
    const known = new Set(Object.keys(all.en).flatMap((ns) => keysOf(ns).map((k) => `${ns}:${k}`)));
    const namespaces = Object.keys(all.en).join('|');
    // IPC channels ("buckets:settings") and IAM actions ("s3:GetObject") share the "domain:name" form: they are no keys.
    const { operations, events } = await import('../../shared/contract.js');
    const channels = new Set([...Object.keys(operations), ...Object.keys(events)]);
    const missing = [...literals(['renderer/src', 'electron', 'shared'])].filter((l) => new RegExp(`^(${namespaces}):[a-z]`).test(l) && !channels.has(l) && !known.has(l));
    expect(missing).toEqual([]);
  });
});

describe('plurals and numbers follow the language', () => {
  beforeAll(() => startI18n('en'));

  it('English: one and other, with grouped digits', async () => {
    await setLanguage('en');
    expect(i18n.t('dragOut:preparingFiles', { count: 1 })).toBe('Preparing 1 file for dragging…');
    expect(i18n.t('dragOut:preparingItems', { count: 2 })).toBe('Preparing 2 items for dragging…');
    expect(i18n.t('dragOut:readyFiles', { count: 12345 })).toBe('12,345 files · drag this out of the window');
  });

  it('Spanish: one, many ("1.000.000 de archivos") and other, with a decimal comma locale', async () => {
    await setLanguage('es');
    expect(i18n.t('dragOut:preparingFiles', { count: 1 })).toBe('Preparando 1 archivo para arrastrarlo…');
    expect(i18n.t('dragOut:preparingFiles', { count: 3 })).toBe('Preparando 3 archivos para arrastrarlos…');
    expect(i18n.t('dragOut:readyFiles', { count: 1_000_000 })).toBe('1.000.000 de archivos · arrástralos fuera de la ventana');
    await setLanguage('en');
  });
});

describe('the pseudo-locale', () => {
  it('accents and lengthens text but keeps placeholders and tags', () => {
    const p = pseudoString('Preparing {{count, number}} <1>files</1>');
    expect(p).toContain('{{count, number}}');
    expect(p).toContain('<1>');
    expect(p).toContain('</1>');
    expect(p).not.toMatch(/Preparing/);
    expect(p.length).toBeGreaterThan('Preparing {{count, number}} <1>files</1>'.length * 1.2);
    expect(pseudoLanguage).toBe('en-XA');
  });
});

describe("the core's errors", () => {
  beforeAll(() => startI18n('en'));

  it('cross IPC with a code and parameters beside the English sentence, and show in the user’s language', async () => {
    const { toIpcError } = await import('../../electron/core/errors.js');
    const { errorText } = await import('../../renderer/src/i18n/errorText.js');
    const full = toIpcError(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/data/big.iso' }));
    expect(full).toEqual({ kind: 'conflict', code: 'errors:disk.fullAt', params: { path: '/data/big.iso' }, message: 'The local disk is full: /data/big.iso' });
    const refused = toIpcError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(refused.message).toBe('Cannot reach the server: the server refused the connection (is it running, and is the port right?).');
    await setLanguage('es');
    expect(errorText(full)).toBe('El disco local está lleno: /data/big.iso');
    expect(errorText(toIpcError(Object.assign(new Error('x'), { code: 'ENOSPC' })))).toBe('El disco local está lleno.');
    expect(errorText({ kind: 'internal', message: 'An English sentence without a code' })).toBe('An English sentence without a code');
    await setLanguage('en');
    expect(errorText(full)).toBe('The local disk is full: /data/big.iso');
  });
});
