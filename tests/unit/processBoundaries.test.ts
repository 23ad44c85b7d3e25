import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

function offenders(dir: string, forbidden: (spec: string, file: string) => boolean): string[] {
  return sources(dir).flatMap((file) => imports(file).filter((s) => forbidden(s, file)).map((s) => `${file}: ${s}`));
}

const nodeBuiltin = (s: string) => s.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http'].includes(s);
const reaches = (file: string, spec: string, folder: string) =>
  spec.startsWith('.') && relative(root, join(root, file, '..', spec)).startsWith(folder);

/** The source files a file imports by relative path, as paths from the root. */
const importedFiles = (file: string) =>
  imports(file)
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(root, join(root, dirname(file), s)).replace(/\.js$/, '.ts'));

/** Every file the core process's entry reaches through its imports. */
function reachedFrom(entry: string): Set<string> {
  const reached = new Set<string>();
  const next = [entry];
  for (let file = next.pop(); file !== undefined; file = next.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    next.push(...importedFiles(file).filter((f) => f.startsWith('electron/core/')));
  }
  return reached;
}

describe('process boundaries', () => {
  it('the renderer imports neither Node, Electron, nor main-process code', () => {
    expect(sources('renderer/src').length).toBeGreaterThan(0);
    expect(offenders('renderer/src', (s, f) => nodeBuiltin(s) || s === 'electron' || reaches(f, s, 'electron'))).toEqual([]);
  });

  it('shared/ imports neither Node nor Electron', () => {
    expect(offenders('shared', (s) => nodeBuiltin(s) || s === 'electron')).toEqual([]);
  });

  it('electron/core is plain Node: no electron import', () => {
    expect(sources('electron/core').length).toBeGreaterThan(10);
    expect(offenders('electron/core', (s) => s === 'electron' || s.startsWith('electron/'))).toEqual([]);
  });

  it('main runs the core in a process of its own: it never builds one in-process', () => {
    const heavy = /\/(createCore|transferQueue|s3Session|sftpSession)\.js$|^@aws-sdk\/|^ssh2$/;
    expect(offenders('electron/main', (s) => heavy.test(s))).toEqual([]);
  });

  it('electron/core holds only code the core process runs: every file there is reached from its entries', () => {
    // The bundle main's loader runs (coreLoader.ts), and the loader.
    const reached = new Set([...reachedFrom('electron/core/process/coreProcess.ts'), ...reachedFrom('electron/core/process/coreLoader.ts')]);
    expect(reached.size).toBeGreaterThan(10);
    expect(sources('electron/core').filter((f) => !reached.has(f))).toEqual([]);
  });

  it('ipcMain and ipcRenderer appear only in the two IPC glue files', () => {
    const users = [...sources('electron'), ...sources('renderer/src')].filter((f) =>
      /\bipc(Main|Renderer)\b/.test(readFileSync(join(root, f), 'utf8')),
    );
    expect(users.sort()).toEqual(['electron/main/ipcBridge.ts', 'electron/preload/preload.ts']);
  });
});
