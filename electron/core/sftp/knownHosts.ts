import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../lib/atomicWrite.js';
import { fingerprintSha256, knownHostsName } from './hostKey.js';
import type { SavedHostKey } from './hostKeyChanged.js';

export type HostKeyCheck =
  | { status: 'trusted' }
  | { status: 'unknown' }
  /** A different key of this type is saved, or this key is marked @revoked: refuse. */
  | { status: 'changed'; savedFingerprint: string; revoked?: boolean };

interface KnownHostLine {
  marker?: string;
  patterns: string;
  keyType: string;
  keyBase64: string;
}

/** A line and the file it was read from (what a removal of the entry has to edit). */
type FiledLine = KnownHostLine & { file: string };

export interface KnownHostsOptions {
  /** The user's home: `~/.ssh/known_hosts` under it is read, never written. */
  homeDir: string;
  /** The app's own known_hosts-format file, where `trust()` saves keys. */
  storePath: string;
}

/**
 * Host keys the user already trusts: OpenSSH's `~/.ssh/known_hosts` (read-only) plus
 * the app's own store, in the same format so people can read and copy it.
 */
export class KnownHosts {
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: KnownHostsOptions) {}

  get userKnownHostsPath(): string {
    return join(this.options.homeDir, '.ssh', 'known_hosts');
  }

  /** Reads both files each time (they are small), so edits made meanwhile count. */
  check(host: string, port: number, keyType: string, keyBase64: string): HostKeyCheck {
    const lines = this.linesFor(host, port);
    const saved = refusingEntry(lines, keyType, keyBase64);
    if (saved) return { status: 'changed', savedFingerprint: saved.fingerprintSha256, ...(saved.revoked ? { revoked: true } : {}) };
    const trusted = lines.some((l) => !l.marker && l.keyType === keyType && l.keyBase64 === keyBase64);
    return trusted ? { status: 'trusted' } : { status: 'unknown' };
  }

  /** What `check` calls changed, with the file that holds the entry (for the user to remove it). */
  savedInstead(host: string, port: number, keyType: string, keyBase64: string): SavedHostKey | undefined {
    return refusingEntry(this.linesFor(host, port), keyType, keyBase64);
  }

  /** Key types saved for this host, for ordering the host key algorithms we offer. */
  knownKeyTypes(host: string, port: number): string[] {
    const lines = this.linesFor(host, port);
    return [...new Set(lines.filter((l) => l.marker === undefined).map((l) => l.keyType))];
  }

  /** Saves the key in the app's store, replacing any other key of that type for the host. */
  trust(host: string, port: number, keyType: string, keyBase64: string): Promise<void> {
    const name = knownHostsName(host.toLowerCase(), port);
    const next = this.writing.then(async () => {
      const text = readText(this.options.storePath);
      const kept = text
        .split(/\r?\n/)
        .filter((raw) => {
          const line = parseLine(raw);
          return raw.trim() !== '' && !(line && !line.marker && line.patterns === name && line.keyType === keyType);
        });
      kept.push(`${name} ${keyType} ${keyBase64}`);
      await writeFileAtomic(this.options.storePath, `${kept.join('\n')}\n`, 0o644);
    });
    this.writing = next.catch(() => undefined);
    return next;
  }

  private linesFor(host: string, port: number): FiledLine[] {
    const name = knownHostsName(host.toLowerCase(), port);
    const out: FiledLine[] = [];
    for (const file of [this.userKnownHostsPath, this.options.storePath]) {
      for (const raw of readText(file).split(/\r?\n/)) {
        const line = parseLine(raw);
        if (line && hostMatches(line.patterns, name)) out.push({ ...line, file });
      }
    }
    return out;
  }
}

/**
 * The entry that refuses a key: the key itself marked @revoked, or another key of the same
 * type saved for the host. Like OpenSSH, a key of another type is new, not changed: the
 * connection prefers the known types (see knownKeyTypes), so a server that still has them shows them.
 */
function refusingEntry(lines: FiledLine[], keyType: string, keyBase64: string): SavedHostKey | undefined {
  const revoked = lines.find((l) => l.marker === 'revoked' && l.keyBase64 === keyBase64);
  if (revoked) return { keyType, fingerprintSha256: fingerprintSha256(keyBase64), file: revoked.file, revoked: true };
  const plain = lines.filter((l) => l.marker === undefined);
  if (plain.some((l) => l.keyType === keyType && l.keyBase64 === keyBase64)) return undefined;
  const other = plain.find((l) => l.keyType === keyType);
  return other && { keyType, fingerprintSha256: fingerprintSha256(other.keyBase64), file: other.file };
}

function parseLine(raw: string): KnownHostLine | undefined {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  const fields = trimmed.split(/\s+/);
  let marker: string | undefined;
  if (fields[0]?.startsWith('@')) marker = fields.shift()!.slice(1).toLowerCase();
  const [patterns, keyType, keyBase64] = fields;
  if (!patterns || !keyType || !keyBase64) return undefined;
  return { marker, patterns, keyType, keyBase64 };
}

/** OpenSSH's rules: a hashed entry, or comma-separated globs where any `!` match vetoes. */
export function hostMatches(patterns: string, name: string): boolean {
  if (patterns.startsWith('|1|')) return hashedMatches(patterns, name);
  let matched = false;
  for (const pattern of patterns.split(',')) {
    if (pattern === '') continue;
    const negated = pattern.startsWith('!');
    const glob = negated ? pattern.slice(1) : pattern;
    if (globMatches(glob.toLowerCase(), name)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

function hashedMatches(entry: string, name: string): boolean {
  const [, , salt, hash] = entry.split('|');
  if (!salt || !hash) return false;
  const computed = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
  return computed === hash;
}

function globMatches(glob: string, name: string): boolean {
  if (!/[*?]/.test(glob)) return glob === name;
  const regex = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(name);
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}
