// ssh2 is CommonJS without static named exports: Node's ESM loader needs the default import.
import type { Duplex } from 'node:stream';
import ssh2, { type Algorithms, type Client, type ParsedKey } from 'ssh2';
import { codedError, isAppError, type AppError } from '../errors.js';
import { HostKeyNotTrustedError, presentHostKey, type HostKeyPolicy, type PresentedHostKey } from './hostKey.js';
import { authAttempts, type SftpAuth } from './sftpAuth.js';
import { remoteError, translateSshClientError } from './sftpErrors.js';

export interface SshLoginOptions {
  host: string;
  port: number;
  username: string;
  auth: SftpAuth;
  /** The loaded key or agent socket for `auth`. */
  credential: ParsedKey | string | undefined;
  hostKey: HostKeyPolicy;
  preferredHostKeyTypes?: string[];
  readyTimeoutMs?: number;
  keepaliveIntervalMs?: number;
  /** A stream to the server already open (through a jump host) instead of a TCP connect. */
  sock?: Duplex;
}

/** Connects one SSH client, checks the host key with the policy and logs in. */
export async function sshLogin(options: SshLoginOptions): Promise<{ client: Client; hostKey: PresentedHostKey }> {
  const { host, port, username } = options;
  const attempts = authAttempts(username, options.auth, options.credential);
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
        const failure = attempts.explainFailure();
        failure.cause = error;
        return fail(failure);
      }
      fail(translateSshClientError(error) ?? remoteError(error));
    };
    const onClose = () => fail(hostKeyRefusal ?? codedError('network', 'coreSftp:login.closedDuringLogin'));
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
    sock: options.sock,
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
  if (!options.sock) client.setNoDelay(true);

  await ready;
  if (!options.sock) client.setNoDelay(true);
  return { client, hostKey: presented! };
}

/** Opens a tunnel from `jump` to host:port (what ProxyJump does). */
export function forwardThrough(jump: Client, host: string, port: number): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    jump.forwardOut('127.0.0.1', 0, host, port, (error, stream) => {
      if (error) {
        reject(
          codedError('network', 'coreSftp:login.jumpCouldNotReach', { host, port, detail: error.message }, error),
        );
      } else resolve(stream);
    });
  });
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
