/**
 * The Electron side checked against what Electron 45 and electron-builder do, without
 * Electron: no API the pinned electron.d.ts marks deprecated, no utility-process argument
 * Electron would drop, no file referenced beside a bundle that the installers leave out,
 * and no clipboard use the app's windows are not allowed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it, vi } from 'vitest';
import { codeCacheDirVariable, coreProcessV8Flags, utilityProcessExecArgv } from '../../electron/core/process/coreProtocol.js';
import { nodeArgsOfUtilityProcess, utilityProcessHonours } from '../support/electronRules.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(join(root, 'package.json'));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path.split(sep).join('/')] : [];
  });
}

/** Uses of deprecated APIs in `files`, as TypeScript reports them from the pinned type definitions. */
function deprecatedUses(files: string[]): string[] {
  const configPath = join(root, 'electron/tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const roots = files.map((f) => join(root, f));
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => config.options,
    getScriptFileNames: () => roots,
    getScriptVersion: () => '1',
    getScriptSnapshot: (file) => (ts.sys.fileExists(file) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(file)!) : undefined),
    getCurrentDirectory: () => root,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host);
  return roots.flatMap((file) =>
    service
      .getSuggestionDiagnostics(file)
      .filter((d) => d.reportsDeprecated)
      .map((d) => `${relative(root, file)}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')} (${d.file!.text.slice(d.start!, d.start! + d.length!)})`),
  );
}

/** Paths main's and the preload's sources build from their bundle's folder: `join(__dirname, '...')`. */
function besideBundle(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/join\(\s*__dirname\s*,\s*((?:'[^']*'\s*,?\s*)+)\)/g)].map((m) =>
    [...m[1]!.matchAll(/'([^']*)'/g)].map((part) => part[1]!).join('/'),
  );
}

describe('the Electron glue', () => {
  it('uses no API the pinned Electron marks deprecated (main and preload)', () => {
    const glue = [...sources('electron/main'), ...sources('electron/preload')];
    expect(glue.length).toBeGreaterThan(5);
    expect(deprecatedUses(glue)).toEqual([]);
  }, 60_000);

  it('the deprecation check bites: it finds the synchronous safeStorage API', () => {
    const probe = 'tests/fixtures/deprecatedElectronUse.ts';
    const uses = deprecatedUses([probe]);
    expect(uses.some((u) => u.includes('encryptString'))).toBe(true);
    expect(uses.some((u) => u.includes('isEncryptionAvailable'))).toBe(true);
  }, 60_000);

  it('starts the core through its loader with execArgv Electron keeps, its V8 flags as --js-flags, and a code cache folder in the user data', async () => {
    const fork = vi.fn(() => ({ on: vi.fn(), postMessage: vi.fn(), kill: vi.fn() }));
    vi.doMock('electron', () => ({ utilityProcess: { fork } }));
    const { startCoreProcess } = await import('../../electron/main/coreProcess.js');
    const dataDir = join(root, 'user-data');
    void startCoreProcess({ setup: { dataDir } as never, secretBox: {} as never, dialogs: {} as never }, () => undefined).catch(() => undefined);
    vi.doUnmock('electron');
    expect(fork).toHaveBeenCalledTimes(1);
    const [modulePath, , options] = fork.mock.calls[0] as unknown as [string, string[], { execArgv: string[]; env: NodeJS.ProcessEnv }];
    expect(modulePath).toMatch(/[\\/]coreLoader\.cjs$/);
    expect(options.execArgv.filter((arg) => !utilityProcessHonours(arg))).toEqual([]);
    expect(nodeArgsOfUtilityProcess(options.execArgv)).toEqual(coreProcessV8Flags);
    expect(options.env[codeCacheDirVariable]).toBe(join(dataDir, 'Core Code Cache'));
  });

  it('tests and the benchmark start the core with the same V8 flags the app gives it', () => {
    expect(nodeArgsOfUtilityProcess(utilityProcessExecArgv)).toEqual(coreProcessV8Flags);
    expect(coreProcessV8Flags.length).toBeGreaterThan(0);
    expect(utilityProcessHonours('--max-semi-space-size=2')).toBe(false);
    const forkSource = readFileSync(join(root, 'tests/support/forkCoreProcess.ts'), 'utf8');
    expect(forkSource).toMatch(/execArgv: \[\.\.\.coreProcessV8Flags, \.\.\.profiling\]/);
  });

  it('every file referenced beside a bundle is one the installers pack', () => {
    const config = loadYaml(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { files: string[] };
    const { FileMatcher } = require('app-builder-lib/out/fileMatcher.js');
    const filter = new FileMatcher(root, join(root, 'release/app'), (s: string) => s, config.files).createFilter() as (file: string, stat: { isDirectory(): boolean }) => boolean;
    // main and the core process are bundled into dist/main, the preload into dist/preload.
    const bundleDir = (file: string) => (file.startsWith('electron/preload/') ? 'dist/preload' : 'dist/main');
    const referenced = [...sources('electron/main'), ...sources('electron/preload'), ...sources('electron/core')].flatMap((file) =>
      besideBundle(file).map((rel) => ({ file, path: posix.normalize(posix.join(bundleDir(file), rel)) })),
    );
    const unpacked = referenced.filter(({ path }) => {
      const isFolder = !posix.extname(path);
      return !filter(join(root, isFolder ? `${path}/index.html` : path), { isDirectory: () => false });
    });
    expect(unpacked).toEqual([]);
    expect(referenced.map((r) => r.path)).toContain('dist/main/icon.png');
  });

  it('the renderer copies through main: no navigator.clipboard (app windows get no permission)', () => {
    const users = sources('renderer/src').filter((f) => /navigator\s*\.\s*clipboard\s*[?.]/.test(readFileSync(join(root, f), 'utf8')));
    expect(users).toEqual([]);
  });
});
