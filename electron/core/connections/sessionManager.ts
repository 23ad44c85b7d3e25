import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { typesSecret, type ConnectOutcome, type ConnectSecrets, type HostKeyPrompt } from '../../../shared/connections.js';
import { codedError, CredentialsRefusedError, type AppError } from '../errors.js';
import type { RemoteSession } from '../fs/remoteFileSystem.js';
import { isLocalConnection } from '../../../shared/localDisk.js';
import { openLocalSession } from '../local/localSession.js';
import type { ProxyFor } from '../net/proxyPicker.js';
import { isS3Session, MfaCodeNeededError, openS3Session } from '../s3/s3Session.js';
import {
  HostKeyChangedError,
  HostKeyNotTrustedError,
  KnownHosts,
  ResilientSftpSession,
  knownHostsPolicy,
  removalCommand,
  type PresentedHostKey,
  type SftpSession,
} from '../sftp/index.js';
import type { ConnectionStore, SavedConnection } from './connectionStore.js';
import { parseJumpHost } from './sshJumpHost.js';

interface PendingHostKey {
  connectionId: string;
  secrets: ConnectSecrets;
  /** What to do with the typed secrets once the connect works (see `connect`). */
  remember?: boolean;
  key: PresentedHostKey;
  /** The key changed (or is revoked): whatever the answer, this error's sentence refuses it. */
  refusal?: HostKeyChangedError;
}

export interface SessionManagerOptions {
  dataDir: string;
  homeDir: string;
  env: NodeJS.ProcessEnv;
  /** The proxy for each URL (environment, then the OS); direct when absent. */
  proxyFor?: ProxyFor;
}

/** Opens, hands out and closes live sessions, one per saved connection. */
export class SessionManager {
  private sessions = new Map<string, RemoteSession>();
  private pending = new Map<string, PendingHostKey>();
  /** This computer's disk: always there, under the reserved id, without a saved connection. */
  private local: RemoteSession | undefined;
  private readonly lostListeners = new Set<(connectionId: string, error: AppError) => void>();
  readonly knownHosts: KnownHosts;

  constructor(
    private readonly store: ConnectionStore,
    private readonly options: SessionManagerOptions,
  ) {
    this.knownHosts = new KnownHosts({
      homeDir: options.homeDir,
      storePath: join(options.dataDir, 'known_hosts'),
    });
  }

  get(connectionId: string): RemoteSession {
    if (isLocalConnection(connectionId)) return (this.local ??= openLocalSession(this.options.homeDir));
    const session = this.sessions.get(connectionId);
    if (!session) throw codedError('notFound', 'coreConnections:notConnected');
    return session;
  }

  /**
   * Opens the connection with its saved secrets, or those typed now. `remember` says what
   * becomes of typed ones once the server accepted them: saved (true), or no secret saved any
   * more (false); absent, they are kept for this run only. A refused secret is never saved.
   */
  async connect(connectionId: string, typed: ConnectSecrets, remember?: boolean, trustedKey?: PresentedHostKey): Promise<ConnectOutcome> {
    if (isLocalConnection(connectionId)) return { state: 'connected', connectionId, homePath: this.get(connectionId).fs.homePath };
    const profile = this.store.get(connectionId);
    const secrets = this.store.secretsOf(connectionId, typed);
    const live = this.sessions.get(connectionId);
    let session: RemoteSession;
    try {
      if (live && profile.protocol === 's3' && isS3Session(live)) {
        // Fresh credentials for a live S3 session: tabs, listings and transfers carry on.
        await live.replaceCredentials(profile, secrets);
        session = live;
      } else {
        await this.disconnect(connectionId);
        session = await this.open(profile, secrets, trustedKey);
      }
    } catch (error) {
      if (error instanceof HostKeyNotTrustedError) return this.promptForHostKey(connectionId, typed, remember, error.presented);
      if (error instanceof MfaCodeNeededError) {
        return { state: 'mfaPrompt', connectionId, profile: error.profile, mfaSerial: error.mfaSerial };
      }
      // Only a secret the user types can be typed again; a profile's or agent's refusal stays an error.
      if (error instanceof CredentialsRefusedError && typesSecret(profile)) {
        const { message, code, params } = error;
        return { state: 'credentialsRefused', connectionId, message, ...(code && { code }), ...(params && { params }) };
      }
      throw error;
    }
    this.sessions.set(connectionId, session);
    this.store.rememberForSession(connectionId, typed);
    if (remember !== undefined && typed) await this.store.settleSecrets(connectionId, typed, remember);
    const warnings = session instanceof ResilientSftpSession ? session.warnings : [];
    return { state: 'connected', connectionId, homePath: session.fs.homePath, ...(warnings.length ? { warnings } : {}) };
  }

  /** Called when a dropped connection could not be made again (for `connections:lost`). */
  onLost(listener: (connectionId: string, error: AppError) => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  async answerHostKey(promptId: string, decision: 'trustOnce' | 'trustAndSave' | 'reject'): Promise<ConnectOutcome> {
    const pending = this.pending.get(promptId);
    if (!pending) throw codedError('notFound', 'coreConnections:hostKeyQuestionExpired');
    this.pending.delete(promptId);
    if (pending.refusal) throw codedError(decision === 'reject' ? 'cancelled' : 'auth', pending.refusal.code!, pending.refusal.params);
    if (decision === 'reject') throw codedError('cancelled', 'coreConnections:hostKeyNotTrusted');
    const { key } = pending;
    // known_hosts may have changed while the question was open.
    const saved = this.knownHosts.savedInstead(key.host, key.port, key.keyType, key.keyBase64);
    if (saved) throw new HostKeyChangedError(key, saved);
    if (decision === 'trustAndSave') await this.knownHosts.trust(key.host, key.port, key.keyType, key.keyBase64);
    return this.connect(pending.connectionId, pending.secrets, pending.remember, key);
  }

  async disconnect(connectionId: string): Promise<void> {
    const session = this.sessions.get(connectionId);
    if (!session) return;
    this.sessions.delete(connectionId);
    await session.close().catch(() => undefined);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.disconnect(id)));
  }

  private async open(profile: SavedConnection, secrets: ConnectSecrets, trustedKey?: PresentedHostKey): Promise<RemoteSession> {
    if (profile.protocol === 's3') {
      return openS3Session(profile, secrets, {
        env: this.options.env,
        homeDir: this.options.homeDir,
        proxyFor: this.options.proxyFor,
        bookmarkedBuckets: () => {
          const current = this.store.get(profile.id);
          return current.protocol === 's3' ? (current.bookmarkedBuckets ?? []) : [];
        },
      });
    }
    // Keys accepted once for this connection stay accepted when it reconnects after a drop.
    const accepted = new Set(trustedKey ? [trustedKey.keyBase64] : []);
    const openOnce = () => this.openSftp(profile, secrets, accepted);
    const first = await openOnce();
    return new ResilientSftpSession(first, openOnce, (error) => {
      if (this.sessions.get(profile.id) === undefined) return;
      for (const listener of this.lostListeners) listener(profile.id, error);
    });
  }

  private async openSftp(profile: SavedConnection & { protocol: 'sftp' }, secrets: ConnectSecrets, accepted: Set<string>): Promise<SftpSession> {
    const auth = profile.auth;
    const jump = parseJumpHost(profile.proxyJump, profile.username);
    // Loaded on first use: ssh2 (with its 16 MiB WebAssembly memory) would otherwise sit in every S3 user's core process.
    const { openSftpSession } = await import('../sftp/openSftpSession.js');
    return openSftpSession({
      host: profile.host,
      port: profile.port,
      username: profile.username,
      auth:
        auth.kind === 'password' || auth.kind === 'keyboardInteractive'
          ? { kind: auth.kind, password: secrets?.password ?? '' }
          : auth.kind === 'key'
            ? { kind: 'key', keyPath: auth.keyPath, passphrase: secrets?.passphrase }
            : { kind: 'agent', agentSocket: this.options.env.SSH_AUTH_SOCK },
      preferredHostKeyTypes: this.knownHosts.knownKeyTypes(profile.host, profile.port),
      jump: jump && { ...jump, preferredHostKeyTypes: this.knownHosts.knownKeyTypes(jump.host, jump.port) },
      env: this.options.env,
      proxyFor: this.options.proxyFor,
      hostKey: knownHostsPolicy(this.knownHosts, accepted),
    });
  }

  /** An unknown key becomes a question; a changed one a refusal that says why (kept so an answer to it gets that sentence too). */
  private promptForHostKey(connectionId: string, secrets: ConnectSecrets, remember: boolean | undefined, key: PresentedHostKey): ConnectOutcome {
    const saved = this.knownHosts.savedInstead(key.host, key.port, key.keyType, key.keyBase64);
    const refusal = saved && new HostKeyChangedError(key, saved);
    const promptId = randomUUID();
    const prompt: HostKeyPrompt = {
      promptId,
      host: key.host,
      port: key.port,
      keyType: key.keyType,
      fingerprintSha256: key.fingerprintSha256,
      changedFrom: saved?.fingerprintSha256,
      ...(refusal && { refusal: refusal.message, refusalCode: refusal.code, refusalParams: refusal.params }),
      removalCommand: saved && !saved.revoked ? removalCommand(key.host, key.port, saved.file) : undefined,
    };
    this.pending.set(promptId, refusal ? { connectionId, secrets: undefined, key, refusal } : { connectionId, secrets, remember, key });
    return { state: 'hostKeyPrompt', prompt };
  }
}
