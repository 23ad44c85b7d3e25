import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every line of the files under `dir` that matches `pattern`, as `file:line: text`. */
function lines(dir: string, pattern: RegExp): string[] {
  return sources(dir).flatMap((file) =>
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .flatMap((text, n) => (pattern.test(text) ? [`${relative(root, join(root, file))}:${n + 1}: ${text.trim()}`] : [])),
  );
}

/**
 * RemoteSession and FileTransferDriver are the seam between the transfer queue and the
 * protocols: each driver declares what the queue needs. A cast to a concrete protocol, or a
 * queue that names one, would undo that, and a third protocol would mean editing the queue.
 */
describe('the protocol seam', () => {
  it('no code downcasts a session, driver or file system to a concrete protocol', () => {
    const concrete = /\bas\s+(unknown\s+as\s+)?\w*(S3|Sftp)\w*(Session|Driver|FileSystem)\b/;
    expect(lines('electron/core', concrete)).toEqual([]);
    expect(lines('electron/core', /\bas\s+unknown\s+as\s+\w*(Session|Driver|FileSystem|Transfers)\b/)).toEqual([]);
    // Nor anything else in the core: a typing gap is closed by a declaration or a guard, not cast through unknown.
    expect(lines('electron/core', /\bas\s+unknown\s+as\b/)).toEqual([]);
  });

  it('the transfer queue names no protocol', () => {
    expect(lines('electron/core/transfers', /\bas\s+unknown\s+as\b/)).toEqual([]);
    expect(lines('electron/core/transfers', /[!=]==\s*'(s3|sftp)'|'(s3|sftp)'\s*[!=]==/)).toEqual([]);
  });

  it('the transfer queue imports nothing from a protocol folder', () => {
    const protocolImport = /(?:from\s+|import\s*\(\s*)['"]\.\.\/(s3|sftp)\//;
    expect(lines('electron/core/transfers', protocolImport)).toEqual([]);
  });

  it("the queue reads only its own checkpoint kind; each protocol's kinds live in its folder", () => {
    const s3Kinds = /'(s3Upload|s3UploadStarting|ranges)'/;
    const sftpKinds = /'offset'/;
    expect(lines('electron/core/transfers', s3Kinds)).toEqual([]);
    expect(lines('electron/core/transfers', sftpKinds)).toEqual([]);
    expect(lines('electron/core', s3Kinds).filter((line) => !line.startsWith('electron/core/s3/'))).toEqual([]);
    expect(lines('electron/core', sftpKinds).filter((line) => !line.startsWith('electron/core/sftp/'))).toEqual([]);
  });
});
