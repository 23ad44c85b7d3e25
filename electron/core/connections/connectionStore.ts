import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  connectionDraftSchema,
  typesSecret,
  type ConnectionDraft,
  type ConnectionSummary,
  type ConnectSecrets,
} from '../../../shared/connections.js';
import { codedError } from '../errors.js';
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

/** The secrets worth keeping of what was typed: non-empty ones, never a one-time MFA code. */
const withoutMfa = (typed: ConnectSecrets): Secrets =>
  Object.fromEntries(Object.entries(typed ?? {}).filter(([k, v]) => v && k !== 'mfaCode')) as Secrets;

function sameSecrets(a: Secrets | undefined, b: Secrets): boolean {
  if (!a) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k as keyof Secrets] === b[k as keyof Secrets]);
}

/**
 * Saved connections (bookmarks) on disk. Secrets are sealed with the SecretBox and kept
 * apart from the profiles; secrets the user chose not to save live in memory only.
 * Sealed secrets are opened once at load (the SecretBox is async), so `secretsOf` stays sync.
 */
export class ConnectionStore {
  private connections = new Map<string, SavedConnection>();
  /** What goes to disk: per id, the sealed secrets (base64). */
  private sealed = new Map<string, string>();
  /** In memory only: the same saved secrets, decrypted. */
  private unsealed = new Map<string, Secrets>();
  /** Ids whose sealed secrets could not be decrypted at load, with the reason. */
  private unreadable = new Map<string, unknown>();
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
    if (!parsed.success) throw codedError('internal', 'coreConnections:savedFileDamaged', { file: this.file });
    for (const c of parsed.data.connections) if (c.id) this.connections.set(c.id, c as SavedConnection);
    this.sealed = new Map(Object.entries(parsed.data.sealedSecrets));
    await Promise.all([...this.sealed].map(([id, sealed]) => this.unseal(id, sealed)));
    if (!this.secretBox.strong) await this.unsaveWeaklySealed();
  }

  /**
   * Secrets a weak box could open were sealed with its fixed key: anyone who reads the file
   * can open them too. They stay in memory for this run and leave the disk. Blobs it cannot
   * open (sealed by a keychain that may come back) are kept: they expose nothing.
   */
  private async unsaveWeaklySealed(): Promise<void> {
    if (this.unsealed.size === 0) return;
    for (const [id, secrets] of this.unsealed) {
      this.memorySecrets.set(id, { ...secrets, ...this.memorySecrets.get(id) });
      this.sealed.delete(id);
      const c = this.connections.get(id);
      if (c) this.connections.set(id, { ...c, rememberSecret: false });
    }
    this.unsealed.clear();
    await this.persist();
  }

  /** Decrypts one saved secret; a failure is kept for that connection instead of failing the load. */
  private async unseal(id: string, sealed: string): Promise<void> {
    try {
      this.unsealed.set(id, JSON.parse(await this.secretBox.decrypt(Buffer.from(sealed, 'base64'))) as Secrets);
    } catch (error) {
      this.unreadable.set(id, error);
    }
  }

  list(): ConnectionSummary[] {
    return [...this.connections.values()].map((c) => this.summarize(c));
  }

  get(id: string): SavedConnection {
    const found = this.connections.get(id);
    if (!found) throw codedError('notFound', 'coreConnections:connectionGone');
    return found;
  }

  summary(id: string): ConnectionSummary {
    return this.summarize(this.get(id));
  }

  async save(draft: ConnectionDraft): Promise<ConnectionSummary> {
    if (draft.id && !this.connections.has(draft.id)) throw codedError('notFound', 'coreConnections:connectionGone');
    const id = draft.id ?? randomUUID();
    const { profile, secrets: typed } = separateSecrets(draft);
    // A weak box's key is fixed: what it seals, anyone who reads the file can open. Nothing is saved then.
    if (!this.secretBox.strong) profile.rememberSecret = false;
    const previous = draft.id ? this.knownSecrets(id) : {};
    const authChanged = draft.id ? this.get(id).auth.kind !== profile.auth.kind : false;
    const secrets = authChanged ? typed : { ...previous, ...typed };
    const before = draft.id ? this.get(id) : undefined;
    // The form does not carry buckets opened by name: an edit keeps them.
    if (profile.protocol === 's3' && profile.bookmarkedBuckets === undefined && before?.protocol === 's3') {
      profile.bookmarkedBuckets = before.bookmarkedBuckets;
    }
    // An edit that types no new secret keeps a blob we could not read: the keychain may come back.
    const keepUnreadable = this.unreadable.has(id) && profile.rememberSecret && !authChanged && !hasAny(typed);
    const remember = !keepUnreadable && profile.rememberSecret && hasAny(secrets);
    // Sealed before anything changes, so a failed encryption leaves the store as it was;
    // the same secrets keep their blob, so an edit that types none leaves it byte for byte.
    const sealed = remember ? await this.sealUnlessSame(id, secrets) : undefined;
    this.connections.set(id, { ...profile, id });
    this.memorySecrets.set(id, secrets);
    if (!keepUnreadable) {
      this.unreadable.delete(id);
      if (sealed) {
        this.sealed.set(id, sealed);
        this.unsealed.set(id, { ...secrets });
      } else {
        this.sealed.delete(id);
        this.unsealed.delete(id);
      }
    }
    await this.persist();
    return this.summary(id);
  }

  /**
   * After a connect that worked with secrets typed at that moment: `remember` saves them
   * (sealed, merged over the saved ones), `false` stops remembering any. Nothing typed and
   * nothing refused is saved before a server accepted it.
   */
  async settleSecrets(id: string, typed: ConnectSecrets, remember: boolean): Promise<void> {
    const c = this.get(id);
    const clean = withoutMfa(typed);
    if (remember && !hasAny(clean)) return;
    await this.save({ ...c, rememberSecret: remember, auth: { ...c.auth, ...clean } } as ConnectionDraft);
  }

  private async sealUnlessSame(id: string, secrets: Secrets): Promise<string> {
    const current = this.sealed.get(id);
    if (current && !this.unreadable.has(id) && sameSecrets(this.unsealed.get(id), secrets)) return current;
    return (await this.secretBox.encrypt(JSON.stringify(secrets))).toString('base64');
  }

  /** A copy named “… (copy)” (`copyWord` in the window's language), with the same saved secrets. */
  async duplicate(id: string, copyWord = 'copy'): Promise<ConnectionSummary> {
    const original = this.get(id);
    const copyId = randomUUID();
    this.connections.set(copyId, { ...structuredClone(original), id: copyId, name: `${original.name} (${copyWord})`.slice(0, 100) });
    const sealed = this.sealed.get(id);
    if (sealed) this.sealed.set(copyId, sealed);
    const unsealed = this.unsealed.get(id);
    if (unsealed) this.unsealed.set(copyId, { ...unsealed });
    if (this.unreadable.has(id)) this.unreadable.set(copyId, this.unreadable.get(id));
    const inMemory = this.memorySecrets.get(id);
    if (inMemory) this.memorySecrets.set(copyId, { ...inMemory });
    await this.persist();
    return this.summary(copyId);
  }

  /** Adds or removes a bucket opened by name on an S3 connection. */
  async setBookmarkedBucket(id: string, bucket: string, saved: boolean): Promise<ConnectionSummary> {
    const c = this.get(id);
    if (c.protocol !== 's3') throw codedError('invalidInput', 'coreConnections:onlyS3HasBuckets');
    const others = (c.bookmarkedBuckets ?? []).filter((b) => b !== bucket);
    this.connections.set(id, { ...c, bookmarkedBuckets: saved ? [...others, bucket].sort() : others });
    await this.persist();
    return this.summary(id);
  }

  async delete(id: string): Promise<void> {
    this.connections.delete(id);
    this.sealed.delete(id);
    this.unsealed.delete(id);
    this.unreadable.delete(id);
    this.memorySecrets.delete(id);
    await this.persist();
  }

  /** For connecting, inside the core: the secrets (saved, typed this session, or given now); never sent to a renderer. */
  secretsOf(id: string, typedNow?: ConnectSecrets): Secrets {
    const merged = this.knownSecrets(id);
    for (const [k, v] of Object.entries(typedNow ?? {})) if (v) (merged as Record<string, string>)[k] = v;
    if (this.unreadable.has(id) && !hasAny(merged)) {
      throw codedError('auth', 'coreConnections:secretUnreadable', undefined, this.unreadable.get(id));
    }
    return merged;
  }

  /** Saved (decrypted at load) and session secrets; typed ones win. */
  private knownSecrets(id: string): Secrets {
    return { ...this.unsealed.get(id), ...this.memorySecrets.get(id) };
  }

  /** Keeps secrets typed at connect time for the rest of this run (never on disk unless remembered). */
  rememberForSession(id: string, typed: ConnectSecrets): void {
    if (!typed) return;
    const current = this.memorySecrets.get(id) ?? {};
    this.memorySecrets.set(id, { ...current, ...withoutMfa(typed) });
  }

  private summarize(c: SavedConnection): ConnectionSummary {
    // A secret we could not decrypt is as good as none: the UI asks for it again.
    const hasSavedSecret = this.sealed.has(c.id) && !this.unreadable.has(c.id);
    return {
      ...(c as Omit<SavedConnection, 'id'>),
      id: c.id,
      hasSavedSecret,
      needsSecretAtConnect: typesSecret(c) && !hasSavedSecret && !hasAny(this.memorySecrets.get(c.id) ?? {}),
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
