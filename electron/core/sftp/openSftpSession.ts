// ssh2 is CommonJS without static named exports: Node's ESM loader needs the default import.
import ssh2, { type Algorithms, type ParsedKey } from 'ssh2';
import { AppError, isAppError } from '../errors.js';
import { HostKeyNotTrustedError, presentHostKey, type HostKeyPolicy, type PresentedHostKey } from './hostKey.js';
import { loadPrivateKey } from './privateKey.js';
import { agentSocketFor, authAttempts, type SftpAuth } from './sftpAuth.js';
import { SftpChannelPool, type SftpChannelPoolOptions } from './sftpChannelPool.js';
import { remoteError, translateSshClientError } from './sftpErrors.js';
import { SftpFileSystem, type SftpFileSystemOptions } from './sftpFileSystem.js';
import { SftpSession } from './sftpSession.js';
import { SftpTransferDriver, type SftpTransferDriverOptions } from './sftpTransferDriver.js';

export interface SftpSessionOptions {
  host: string;
  port: number;
  username: string;
  auth: SftpAuth;
  hostKey: HostKeyPolicy;
  /** Host key types already trusted for this host (KnownHosts.knownKeyTypes): asked for first, like OpenSSH. */
  preferredHostKeyTypes?: string[];
  /** Time for TCP connect + handshake + login. */
  readyTimeoutMs?: number;
  keepaliveIntervalMs?: number;
  env?: NodeJS.ProcessEnv;
  fs?: SftpFileSystemOptions;
  transfers?: SftpTransferDriverOptions;
  channels?: SftpChannelPoolOptions;
}

/** Connects, checks the host key with the policy, logs in and opens the browsing channel. */
export async function openSftpSession(options: SftpSessionOptions): Promise<SftpSession> {
  const { host, port, username, auth } = options;
  const warnings: string[] = [];
  let credential: ParsedKey | string | undefined;
  if (auth.kind === 'key') {
    const loaded = await loadPrivateKey(auth.keyPath, auth.passphrase);
    credential = loaded.key;
    warnings.push(...loaded.warnings);
  } else if (auth.kind === 'agent') {
    credential = agentSocketFor(auth, options.env);
  }
  const attempts = authAttempts(username, auth, credential);

  const client = new ssh2.Client();
  let presented: PresentedHostKey | undefined;
  let hostKeyRefusal: AppError | undefined;

  const ready = new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      cleanup();
      client.end();
      reject(error);
    };
    const onError = (error: Error & { level?: string }) => {
      if (hostKeyRefusal) return fail(hostKeyRefusal);
      if (error.level === 'client-authentication' && /All configured authentication methods failed/.test(error.message)) {
        return fail(new AppError('auth', attempts.explainFailure().message, { cause: error }));
      }
      fail(translateSshClientError(error) ?? remoteError(error));
    };
    const onClose = () => fail(hostKeyRefusal ?? new AppError('network', 'The server closed the connection during login.'));
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      client.off('error', onError).off('close', onClose).off('ready', onReady);
      // Errors after this point belong to the session (or are dropped after a failed login).
      client.on('error', () => undefined);
    };
    client.on('error', onError).on('close', onClose).on('ready', onReady);
  });

  client.connect({
    host,
    port,
    username,
    readyTimeout: options.readyTimeoutMs ?? 20_000,
    keepaliveInterval: options.keepaliveIntervalMs ?? 15_000,
    keepaliveCountMax: 3,
    authHandler: attempts.handler,
    algorithms: hostKeyAlgorithms(options.preferredHostKeyTypes),
    hostVerifier: (blob: Buffer, verify: (ok: boolean) => void) => {
      const key = presentHostKey(host, port, blob);
      presented = key;
      Promise.resolve()
        .then(() => options.hostKey(key))
        .then(
          (decision) => {
            if (decision !== 'accept') hostKeyRefusal = new HostKeyNotTrustedError(key);
            verify(decision === 'accept');
          },
          (error: unknown) => {
            hostKeyRefusal = isAppError(error) ? error : remoteError(error);
            verify(false);
          },
        );
    },
  });
  // Nagle's algorithm stalls SFTP's small request packets: ~100x slower without this.
  client.setNoDelay(true);

  await ready;
  client.setNoDelay(true);

  const channels = new SftpChannelPool(client, options.channels);
  try {
    const browse = await channels.browse();
    const homePath = await browse.realpath('.');
    const fs = new SftpFileSystem(channels, homePath, options.fs);
    const transfers = new SftpTransferDriver(channels, options.transfers);
    return new SftpSession(client, channels, fs, transfers, presented!, warnings);
  } catch (error) {
    channels.closeAll();
    client.end();
    throw remoteError(error);
  }
}

const DEFAULT_HOST_KEY_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
];

/** Known key types first, so a server with several keys shows the one we can check. */
function hostKeyAlgorithms(preferred: string[] | undefined): Algorithms | undefined {
  if (!preferred?.length) return undefined;
  const first = preferred
    .flatMap((type) => (type === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [type]))
    .filter((algorithm) => DEFAULT_HOST_KEY_ALGORITHMS.includes(algorithm));
  if (!first.length) return undefined;
  return { serverHostKey: [...new Set([...first, ...DEFAULT_HOST_KEY_ALGORITHMS])] as Algorithms['serverHostKey'] };
}
