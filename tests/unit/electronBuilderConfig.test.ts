/**
 * Packaging configuration checks.
 *
 * The Electron binary is not available in CI, so `electron-builder` itself
 * cannot run here. Instead this suite makes sure that electron-builder.yml
 *   - validates against electron-builder's own JSON schema (and a broken copy
 *     does not, so the validator is known to bite),
 *   - is accepted by electron-builder's own config loader/validator,
 *   - only ships the compiled build output (checked with electron-builder's
 *     own file matcher, not a re-implementation of it),
 *   - points at icon files that exist and are well-formed containers with
 *     the sizes each platform needs,
 *   - agrees with what main and package.json say of the app's identity.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it, vi } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG_PATH = join(ROOT, 'electron-builder.yml');
const require = createRequire(join(ROOT, 'package.json'));

type Json = Record<string, unknown>;

function readConfig(): Json {
  const parsed = loadYaml(readFileSync(CONFIG_PATH, 'utf8'));
  if (parsed == null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error('electron-builder.yml must contain a mapping at the top level');
  }
  return parsed as Json;
}

function section(config: Json, key: string): Json {
  const value = config[key];
  expect(value, `electron-builder.yml: "${key}" must be a mapping`).toBeTypeOf('object');
  return value as Json;
}

const schemaPath = require.resolve('app-builder-lib/scheme.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Json;
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

function errorsOf(data: unknown): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}

// ---------------------------------------------------------------------------
// Binary helpers for the icon containers
// ---------------------------------------------------------------------------

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(buf: Buffer, what: string): { width: number; height: number } {
  expect(buf.length, `${what}: too short for a PNG`).toBeGreaterThan(24);
  expect(buf.subarray(0, 8).equals(PNG_MAGIC), `${what}: PNG signature`).toBe(true);
  expect(buf.toString('latin1', 12, 16), `${what}: first chunk must be IHDR`).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

interface IcnsEntry {
  type: string;
  data: Buffer;
}

function parseIcns(buf: Buffer): IcnsEntry[] {
  expect(buf.toString('latin1', 0, 4), 'icns magic').toBe('icns');
  expect(buf.readUInt32BE(4), 'icns header length equals file size').toBe(buf.length);
  const entries: IcnsEntry[] = [];
  let offset = 8;
  while (offset < buf.length) {
    const type = buf.toString('latin1', offset, offset + 4);
    const length = buf.readUInt32BE(offset + 4);
    expect(length, `icns entry ${type} length`).toBeGreaterThan(8);
    expect(offset + length, `icns entry ${type} stays inside the file`).toBeLessThanOrEqual(buf.length);
    entries.push({ type, data: buf.subarray(offset + 8, offset + length) });
    offset += length;
  }
  return entries;
}

interface IcoEntry {
  width: number;
  height: number;
  bpp: number;
  data: Buffer;
}

function parseIco(buf: Buffer): IcoEntry[] {
  expect(buf.readUInt16LE(0), 'ico reserved field').toBe(0);
  expect(buf.readUInt16LE(2), 'ico type (1 = icon)').toBe(1);
  const count = buf.readUInt16LE(4);
  expect(count, 'ico image count').toBeGreaterThan(0);
  const entries: IcoEntry[] = [];
  for (let i = 0; i < count; i++) {
    const o = 6 + i * 16;
    const size = buf.readUInt32LE(o + 8);
    const offset = buf.readUInt32LE(o + 12);
    expect(offset + size, `ico entry ${i} stays inside the file`).toBeLessThanOrEqual(buf.length);
    entries.push({
      width: buf.readUInt8(o) || 256,
      height: buf.readUInt8(o + 1) || 256,
      bpp: buf.readUInt16LE(o + 6),
      data: buf.subarray(offset, offset + size),
    });
  }
  return entries;
}

/** Same lookup electron-builder uses: buildResources first, then the project dir. */
function resolveResource(config: Json, p: string): string {
  const buildResources = String(section(config, 'directories').buildResources ?? 'build');
  const fromResources = resolve(ROOT, buildResources, p);
  return existsSync(fromResources) ? fromResources : resolve(ROOT, p);
}

// ---------------------------------------------------------------------------

describe('electron-builder.yml', () => {
  const config = readConfig();

  describe('schema', () => {
    it('uses a draft-07 schema that plain Ajv understands', () => {
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    });

    it("validates against electron-builder's own JSON schema", () => {
      expect(errorsOf(config)).toEqual([]);
    });

    const broken: Array<[string, (c: Json) => void, string]> = [
      ['an invalid compression level', (c) => void (c.compression = 'bogus'), '/compression'],
      ['an unknown top-level key', (c) => void (c.bogusOption = true), '/'],
      ['a non-boolean nsis.oneClick', (c) => void ((c.nsis as Json).oneClick = 'sometimes'), '/nsis/oneClick'],
      ['an unknown mac target', (c) => void ((c.mac as Json).target = 'exe'), '/mac/target'],
    ];

    it.each(broken)('rejects a copy with %s', (_label, mutate, path) => {
      const copy = structuredClone(config);
      mutate(copy);
      const errors = errorsOf(copy);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.some((e) => e.startsWith(`${path} `))).toBe(true);
      // The original must still be valid: the mutation is what broke it.
      expect(errorsOf(config)).toEqual([]);
    });

    it("is accepted by electron-builder's own loader and validator", async () => {
      const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
      const { DebugLogger } = require('builder-util');
      const loaded = await getConfig(ROOT, CONFIG_PATH, null);
      expect(loaded.appId).toBe('dev.stowage.app');
      await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();

      loaded.compression = 'bogus';
      await expect(validateConfiguration(loaded, new DebugLogger(false))).rejects.toThrow(
        /configuration\.compression/,
      );
    });
  });

  describe('settings', () => {
    it('has the app identity, directories and packaging options', () => {
      expect(config.appId).toBe('dev.stowage.app');
      expect(config.productName).toBe('Stowage');
      expect(section(config, 'directories')).toMatchObject({ output: 'release', buildResources: 'resources' });
      expect(config.asar).toBe(true);
      // Nothing is unpacked: no native addon ships (electron/sshNativeCrypto.mjs); pagent.exe goes to resources/.
      expect(config.asarUnpack).toBeUndefined();
      expect(config.publish).toBeNull();
      expect('publish' in config).toBe(true);
    });

    it("is the Windows app identity main sets (setAppUserModelId) and the installer's shortcuts carry", async () => {
      vi.doMock('electron', () => ({ app: {} }));
      const { appId } = await import('../../electron/main/appIdentity.js');
      vi.doUnmock('electron');
      expect(appId).toBe(config.appId);
    });

    it('names the Linux desktop entry after package.json desktopName, the app_id Electron gives its windows', () => {
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Json;
      const linux = section(config, 'linux');
      const executable = String(linux.executableName ?? pkg.name).toLowerCase();
      expect(pkg.desktopName).toBe(`${executable}.desktop`);
      expect(linux.syncDesktopName).toBe(true);
    });

    it('points extraMetadata.main at the built main-process entry', () => {
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Json;
      const main = section(config, 'extraMetadata').main;
      expect(main).toBe('dist/main/main.cjs');
      expect(pkg.main).toBe(main);
    });

    it('builds a dmg for macOS, an assisted nsis installer for Windows, AppImage + deb for Linux', () => {
      const mac = section(config, 'mac');
      expect(mac.target).toBe('dmg');
      expect(mac.category).toBe('public.app-category.developer-tools');

      expect(section(config, 'win').target).toBe('nsis');
      expect(section(config, 'nsis')).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true });

      const linux = section(config, 'linux');
      expect(linux.target).toEqual(['AppImage', 'deb']);
      // Freedesktop "Categories" list: only registered main categories here.
      const categories = String(linux.category).split(';').filter(Boolean);
      expect(categories.length).toBeGreaterThan(0);
      for (const c of categories) expect(['Development', 'Utility']).toContain(c);
    });

    it('satisfies what the deb target demands at build time (maintainer, synopsis, homepage)', () => {
      const linux = section(config, 'linux');
      // FpmTarget refuses to build without a maintainer (or author e-mail) and a project URL.
      expect(String(linux.maintainer)).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
      expect(String(linux.synopsis).length).toBeGreaterThan(10);
      expect(String(linux.synopsis).length).toBeLessThanOrEqual(80);
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Json;
      const homepage = pkg.homepage ?? section(config, 'extraMetadata').homepage;
      expect(String(homepage)).toMatch(/^https:\/\//);
    });
  });

  describe('files', () => {
    const patterns = config.files;

    it('lists only the build output and package.json', () => {
      expect(Array.isArray(patterns)).toBe(true);
      for (const p of patterns as unknown[]) {
        expect(typeof p, 'no FileSet objects pulling files from elsewhere').toBe('string');
        const s = p as string;
        if (s.startsWith('!')) continue; // exclusions can only shrink the set
        expect(s === 'package.json' || s.startsWith('dist/'), `unexpected include pattern "${s}"`).toBe(true);
      }
      expect(patterns).toContain('package.json');
      expect(patterns).toContain('dist/**/*');
    });

    // electron-builder's own matcher, fed with the configured patterns.
    const { FileMatcher } = require('app-builder-lib/out/fileMatcher.js');
    const matcher = new FileMatcher(ROOT, join(ROOT, 'release', 'app'), (s: string) => s, patterns);
    const filter = matcher.createFilter() as (file: string, stat: { isDirectory(): boolean }) => boolean;
    const fileStat = { isDirectory: () => false };
    const ships = (rel: string) => filter(join(ROOT, rel), fileStat);

    it.each([
      'package.json',
      'dist/main/main.cjs',
      'dist/main/coreProcess.cjs',
      'dist/main/coreLoader.cjs',
      'dist/preload/preload.cjs',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-3f2a1b.js',
      'dist/renderer/assets/index-3f2a1b.css',
      // The window and drag-out icon main loads (electron/main/appFiles.ts): the build copies it here.
      'dist/main/icon.png',
    ])('ships %s', (rel) => {
      expect(ships(rel)).toBe(true);
    });

    it.each([
      'electron/main.ts',
      'electron/core/s3.ts',
      'shared/api.ts',
      'renderer/src/App.tsx',
      'renderer/index.html',
      'src/index.ts',
      'tests/unit/electronBuilderConfig.test.ts',
      'tests/e2e/app.spec.ts',
      'resources/make-icons.mjs',
      // The source icons stay out: main loads the build's copy, dist/main/icon.png (shipped above).
      'resources/icon.png',
      'node_modules/ssh2/lib/client.js',
      'node_modules/typescript/lib/typescript.js',
      'electron-builder.yml',
      'tsconfig.json',
      'package-lock.json',
      'release/Stowage-0.1.0.dmg',
      'dist/main/main.cjs.map',
      // ssh2's crypto addon cannot load in Electron, even if a build left it there.
      'dist/main/native/sshcrypto.node',
    ])('does not ship %s', (rel) => {
      expect(ships(rel)).toBe(false);
    });

    it('selects nothing outside dist/ from the real project tree', () => {
      const skip = new Set(['.git', 'node_modules', 'release']);
      const shipped: string[] = [];
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          if (dir === ROOT && skip.has(name)) continue;
          const abs = join(dir, name);
          if (statSync(abs).isDirectory()) walk(abs);
          else if (filter(abs, fileStat)) shipped.push(relative(ROOT, abs).split(sep).join('/'));
        }
      };
      walk(ROOT);
      expect(shipped).toContain('package.json');
      expect(shipped.filter((f) => f !== 'package.json' && !f.startsWith('dist/'))).toEqual([]);
    });
  });

  describe('icons', () => {
    it('macOS: icon.icns holds PNG entries of the right sizes, including >= 512', () => {
      const icon = resolveResource(config, String(section(config, 'mac').icon));
      expect(icon.endsWith('.icns')).toBe(true);
      const entries = parseIcns(readFileSync(icon));
      const expected: Record<string, number> = {
        icp4: 16,
        icp5: 32,
        icp6: 64,
        ic07: 128,
        ic08: 256,
        ic09: 512,
        ic10: 1024,
        ic11: 32,
        ic12: 64,
        ic13: 256,
        ic14: 512,
      };
      const types = entries.map((e) => e.type);
      for (const t of ['icp4', 'icp5', 'icp6', 'ic07', 'ic08', 'ic09', 'ic10']) expect(types).toContain(t);
      for (const e of entries) {
        const want = expected[e.type];
        expect(want, `unexpected icns entry type ${e.type}`).toBeDefined();
        expect(pngSize(e.data, `icns ${e.type}`)).toEqual({ width: want, height: want });
      }
      const largest = Math.max(...entries.map((e) => pngSize(e.data, e.type).width));
      expect(largest).toBeGreaterThanOrEqual(512);
    });

    it('master icon.png is a 1024x1024 PNG (>= 512 for macOS)', () => {
      const { width, height } = pngSize(readFileSync(join(ROOT, 'resources', 'icon.png')), 'icon.png');
      expect(width).toBe(1024);
      expect(height).toBe(1024);
    });

    it('Windows: icon.ico has 16..256 images with valid payloads, including 256', () => {
      const icon = resolveResource(config, String(section(config, 'win').icon));
      expect(icon.endsWith('.ico')).toBe(true);
      const entries = parseIco(readFileSync(icon));
      const sizes = entries.map((e) => e.width).sort((a, b) => a - b);
      expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
      for (const e of entries) {
        expect(e.height).toBe(e.width);
        expect(e.bpp).toBe(32);
        if (e.data.subarray(0, 8).equals(PNG_MAGIC)) {
          expect(pngSize(e.data, `ico ${e.width}`)).toEqual({ width: e.width, height: e.height });
        } else {
          // BITMAPINFOHEADER: height covers colour + AND mask
          expect(e.data.readUInt32LE(0), `ico ${e.width}: DIB header size`).toBe(40);
          expect(e.data.readInt32LE(4)).toBe(e.width);
          expect(e.data.readInt32LE(8)).toBe(e.height * 2);
          expect(e.data.readUInt16LE(14)).toBe(32);
        }
      }
    });

    it('Linux: the icon directory holds NxN.png files whose pixels match their names', () => {
      const dir = resolveResource(config, String(section(config, 'linux').icon));
      expect(statSync(dir).isDirectory()).toBe(true);
      const sizes: number[] = [];
      for (const name of readdirSync(dir)) {
        const m = /^(\d+)x(\d+)\.png$/.exec(name);
        expect(m, `unexpected file ${name} in linux icon dir`).not.toBeNull();
        const n = Number(m?.[1]);
        expect(Number(m?.[2])).toBe(n);
        expect(pngSize(readFileSync(join(dir, name)), name)).toEqual({ width: n, height: n });
        sizes.push(n);
      }
      expect(sizes.sort((a, b) => a - b)).toEqual([16, 32, 48, 64, 128, 256, 512]);
    });
  });
});
