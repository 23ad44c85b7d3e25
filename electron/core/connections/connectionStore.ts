import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  connectionDraftSchema,
  type ConnectionDraft,
  type ConnectionSummary,
  type ConnectSecrets,
} from '../../../shared/connections.js';
import { AppError } from '../errors.js';
import type { SecretBox } from '../host.js';
import { writeFileAtomic } from '../lib/atomicWrite.js';

type Secrets = NonNullable<ConnectSecrets>;
export type SavedConnection = ConnectionDraft & { id: string };

const fileSchema = z.object({
  version: z.literal(1),
  connections: z.array(connectionDraftSchema),
  /** Per connection id: the secrets as one JSON object sealed by the SecretBox, base64. */
  sealedSecrets: z.record(z.string(), z.string()),
});

/** Pulls the secret fields out of a draft, leaving a profile that is safe to show. */
function separateSecrets(draft: ConnectionDraft): { profile: ConnectionDraft; secrets: Secrets } {
  const secrets: Secrets = {};
  const auth = { ...draft.auth } as Record<string, unknown>;
  for (const field of ['secretAccessKey', 'sessionToken', 'password', 'passphrase'] as const) {
    const value = auth[field];
    if (typeof value === 'string' && value !== '') secrets[field] = value;
    delete auth[field];
  }
  return { profile: { ...draft, auth } as ConnectionDraft, secrets };
}

const hasAny = (s: Secrets) => Object.values(s).some((v) => typeof v === 'string' && v !== '');

/**
 * Saved connections (bookmarks) on disk. Secrets are sealed with the SecretBox and kept
 * apart from the profiles; secrets the user chose not to save live in memory only.
 */
export class ConnectionStore {
  private connections = new Map<string, SavedConnection>();
  private sealed = new Map<string, string>();
  private memorySecrets = new Map<string, Secrets>();
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly secretBox: SecretBox,
  ) {
    this.file = join(dataDir, 'connections.json');
  }

  async load(): Promise<void> {
    let raw: string;
    try {
      raw = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const parsed = fileSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) throw new AppError('internal', `The saved connections file is damaged: ${this.file}`);
    for (const c of parsed.data.connections) if (c.id) this.connections.set(c.id, c as SavedConnection);
    this.sealed = new Map(Object.entries(parsed.data.sealedSecrets));
  }

  list(): ConnectionSummary[] {
    return [...this.connections.values()].map((c) => this.summarize(c));
  }

  get(id: string): SavedConnection {
    const found = this.connections.get(id);
    if (!found) throw new AppError('notFound', 'That connection no longer exists.');
    return found;
  }

  summary(id: string): ConnectionSummary {
    return this.summarize(this.get(id));
  }

  async save(draft: ConnectionDraft): Promise<ConnectionSummary> {
    if (draft.id && !this.connections.has(draft.id)) throw new AppError('notFound', 'That connection no longer exists.');
    const id = draft.id ?? randomUUID();
    const { profile, secrets: typed } = separateSecrets(draft);
    const previous = draft.id ? this.secretsOf(id) : {};
    const authChanged = draft.id ? this.get(id).auth.kind !== profile.auth.kind : false;
    const secrets = authChanged ? typed : { ...previous, ...typed };
    const before = draft.id ? this.get(id) : undefined;
    // The form does not carry buckets opened by name: an edit keeps them.
    if (profile.protocol === 's3' && profile.bookmarkedBuckets === undefined && before?.protocol === 's3') {
      profile.bookmarkedBuckets = before.bookmarkedBuckets;
    }
    this.connections.set(id, { ...profile, id });
    this.memorySecrets.set(id, secrets);
    if (profile.rememberSecret && hasAny(secrets)) {
      this.sealed.set(id, this.secretBox.encrypt(JSON.stringify(secrets)).toString('base64'));
    } else {
      this.sealed.delete(id);
    }
    await this.persist();
    return this.summary(id);
  }

  /** A copy named “… (copy)”, with the same saved secrets. */
  async duplicate(id: string): Promise<ConnectionSummary> {
    const original = this.get(id);
    const copyId = randomUUID();
    this.connections.set(copyId, { ...structuredClone(original), id: copyId, name: `${original.name} (copy)`.slice(0, 100) });
    const sealed = this.sealed.get(id);
    if (sealed) this.sealed.set(copyId, sealed);
    const inMemory = this.memorySecrets.get(id);
    if (inMemory) this.memorySecrets.set(copyId, { ...inMemory });
    await this.persist();
    return this.summary(copyId);
  }

  /** Adds or removes a bucket opened by name on an S3 connection. */
  async setBookmarkedBucket(id: string, bucket: string, saved: boolean): Promise<ConnectionSummary> {
    const c = this.get(id);
    if (c.protocol !== 's3') throw new AppError('invalidInput', 'Only S3 connections have buckets.');
    const others = (c.bookmarkedBuckets ?? []).filter((b) => b !== bucket);
    this.connections.set(id, { ...c, bookmarkedBuckets: saved ? [...others, bucket].sort() : others });
    await this.persist();
    return this.summary(id);
  }

  async delete(id: string): Promise<void> {
    this.connections.delete(id);
    this.sealed.delete(id);
    this.memorySecrets.delete(id);
    await this.persist();
  }

  /** Main-only: the secrets to connect with (saved, typed this session, or given now). */
  secretsOf(id: string, typedNow?: ConnectSecrets): Secrets {
    const inMemory = this.memorySecrets.get(id);
    let saved: Secrets = {};
    const sealed = this.sealed.get(id);
    if (!inMemory && sealed) saved = JSON.parse(this.secretBox.decrypt(Buffer.from(sealed, 'base64'))) as Secrets;
    const merged = { ...saved, ...inMemory };
    for (const [k, v] of Object.entries(typedNow ?? {})) if (v) (merged as Record<string, string>)[k] = v;
    return merged;
  }

  /** Keeps secrets typed at connect time for the rest of this run (never on disk unless remembered). */
  rememberForSession(id: string, typed: ConnectSecrets): void {
    if (!typed) return;
    const current = this.memorySecrets.get(id) ?? {};
    const clean = Object.fromEntries(Object.entries(typed).filter(([k, v]) => v && k !== 'mfaCode'));
    this.memorySecrets.set(id, { ...current, ...clean });
  }

  private summarize(c: SavedConnection): ConnectionSummary {
    const hasSavedSecret = this.sealed.has(c.id);
    return {
      ...(c as Omit<SavedConnection, 'id'>),
      id: c.id,
      hasSavedSecret,
      needsSecretAtConnect: secretRequired(c) && !hasSavedSecret && !hasAny(this.memorySecrets.get(c.id) ?? {}),
    } as ConnectionSummary;
  }

  private async persist(): Promise<void> {
    const body = {
      version: 1 as const,
      connections: [...this.connections.values()],
      sealedSecrets: Object.fromEntries(this.sealed),
    };
    await writeFileAtomic(this.file, JSON.stringify(body, null, 2));
  }
}

function secretRequired(c: SavedConnection): boolean {
  if (c.protocol === 's3') return c.auth.kind === 'keys';
  return c.auth.kind === 'password' || c.auth.kind === 'keyboardInteractive';
}
