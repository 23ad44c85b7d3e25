/**
 * Which window `npm run demo` opens: Electron where its binary is (or can be downloaded),
 * otherwise the browser preview, said in one line. The download runs with its output
 * captured: a failure is a sentence here, never the downloader's stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronLookup = { path: string } | { reason: string };

/** The Electron binary the `electron` package points at, when it is there. */
function installedBinary(electronDir: string): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** The `electron` package's folder, or null when it is not installed. */
export function electronPackageDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * Finds the Electron binary, downloading it first (as `require('electron')` would) when
 * it is missing, but quietly: what the download printed only feeds the reason.
 */
export function findElectron(
  env: NodeJS.ProcessEnv,
  electronDir = electronPackageDir(),
  say: (line: string) => void = () => undefined,
): ElectronLookup {
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' };
  if (!electronDir) return { reason: 'the electron package is not installed' };
  const installed = installedBinary(electronDir);
  if (installed) return { path: installed };
  const install = join(electronDir, 'install.js');
  if (!existsSync(install)) return { reason: 'the electron package has no installer' };
  say('Downloading Electron (first start only)…');
  const run = spawnSync(process.execPath, [install], { cwd: electronDir, env, encoding: 'utf8', timeout: 10 * 60_000 });
  const downloaded = run.status === 0 ? installedBinary(electronDir) : null;
  if (downloaded) return { path: downloaded };
  if (run.error) return { reason: `downloading it failed: ${run.error.message}` };
  return { reason: `downloading it failed: ${downloadFailureReason(`${run.stderr ?? ''}\n${run.stdout ?? ''}`)}` };
}

/** The error line of what a failed download printed ("TypeError: fetch failed" → "fetch failed"), without its stack. */
export function downloadFailureReason(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const errorLine = lines.find((line) => /^[A-Za-z]*Error\b:?/.test(line)) ?? lines.find((line) => !line.startsWith('at '));
  const reason = errorLine?.replace(/^[A-Za-z]*Error\b:?\s*/, '').trim();
  if (!reason) return 'the download failed';
  return reason.length > 160 ? `${reason.slice(0, 157)}…` : reason;
}

/** The one line printed before the browser preview opens instead of Electron. */
export function previewInsteadLine(reason: string): string {
  return `Electron is not available (${reason}): opening the browser preview instead.`;
}
