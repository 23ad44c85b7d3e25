import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ConnectOutcome, ConnectSecrets, HostKeyPrompt } from '../../../shared/connections.js';
import { AppError } from '../errors.js';
import type { RemoteSession } from '../fs/remoteFileSystem.js';
import { openS3Session } from '../s3/s3Session.js';
import { HostKeyNotTrustedError, KnownHosts, openSftpSession, type PresentedHostKey } from '../sftp/index.js';
import type { ConnectionStore, SavedConnection } from './connectionStore.js';

interface PendingHostKey {
  connectionId: string;
  secrets: ConnectSecrets;
  key: PresentedHostKey;
}

export interface SessionManagerOptions {
  dataDir: string;
  homeDir: string;
  env: NodeJS.ProcessEnv;
}

/** Opens, hands out and closes live sessions, one per saved connection. */
export class SessionManager {
  private sessions = new Map<string, RemoteSession>();
  private pending = new Map<string, PendingHostKey>();
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
    const session = this.sessions.get(connectionId);
    if (!session) throw new AppError('notFound', 'Not connected: connect first.');
    return session;
  }

  async connect(connectionId: string, typed: ConnectSecrets, trustedKey?: PresentedHostKey): Promise<ConnectOutcome> {
    const profile = this.store.get(connectionId);
    const secrets = this.store.secretsOf(connectionId, typed);
    await this.disconnect(connectionId);
    let session: RemoteSession;
    try {
      session = await this.open(profile, secrets, trustedKey);
    } catch (error) {
      if (error instanceof HostKeyNotTrustedError) return this.promptForHostKey(connectionId, typed, error.presented);
      throw error;
    }
    this.sessions.set(connectionId, session);
    this.store.rememberForSession(connectionId, typed);
    return { state: 'connected', connectionId, homePath: session.fs.homePath };
  }

  async answerHostKey(promptId: string, decision: 'trustOnce' | 'trustAndSave' | 'reject'): Promise<ConnectOutcome> {
    const pending = this.pending.get(promptId);
    if (!pending) throw new AppError('notFound', 'That host key question has expired: connect again.');
    this.pending.delete(promptId);
    if (decision === 'reject') throw new AppError('cancelled', 'Not connected: the host key was not trusted.');
    const { key } = pending;
    if (this.knownHosts.check(key.host, key.port, key.keyType, key.keyBase64).status === 'changed') {
      throw new AppError('auth', 'The host key has changed since it was saved: refusing to connect.');
    }
    if (decision === 'trustAndSave') await this.knownHosts.trust(key.host, key.port, key.keyType, key.keyBase64);
    return this.connect(pending.connectionId, pending.secrets, key);
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

  private open(profile: SavedConnection, secrets: ConnectSecrets, trustedKey?: PresentedHostKey): Promise<RemoteSession> {
    if (profile.protocol === 's3') return openS3Session(profile, secrets, this.options.env);
    const auth = profile.auth;
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
      hostKey: (key) => {
        if (trustedKey && trustedKey.keyBase64 === key.keyBase64) return 'accept';
        return this.knownHosts.check(key.host, key.port, key.keyType, key.keyBase64).status === 'trusted' ? 'accept' : 'reject';
      },
    });
  }

  private promptForHostKey(connectionId: string, secrets: ConnectSecrets, key: PresentedHostKey): ConnectOutcome {
    const check = this.knownHosts.check(key.host, key.port, key.keyType, key.keyBase64);
    const promptId = randomUUID();
    const prompt: HostKeyPrompt = {
      promptId,
      host: key.host,
      port: key.port,
      keyType: key.keyType,
      fingerprintSha256: key.fingerprintSha256,
      changedFrom: check.status === 'changed' ? check.savedFingerprint : undefined,
    };
    if (check.status !== 'changed') this.pending.set(promptId, { connectionId, secrets, key });
    return { state: 'hostKeyPrompt', prompt };
  }
}
