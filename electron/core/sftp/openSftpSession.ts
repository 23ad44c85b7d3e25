import type { Client, ParsedKey } from 'ssh2';
import type { HostKeyPolicy } from './hostKey.js';
import { loadPrivateKey } from './privateKey.js';
import { agentSocketFor, type SftpAuth } from './sftpAuth.js';
import { SftpChannelPool, type SftpChannelPoolOptions } from './sftpChannelPool.js';
import { remoteError } from './sftpErrors.js';
import { SftpFileSystem, type SftpFileSystemOptions } from './sftpFileSystem.js';
import { SftpSession } from './sftpSession.js';
import { SftpTransferDriver, type SftpTransferDriverOptions } from './sftpTransferDriver.js';
import { forwardThrough, sshLogin } from './sshLogin.js';

/** A bastion to go through (ProxyJump); it logs in with the same credentials. */
export interface JumpHost {
  host: string;
  port: number;
  username: string;
  preferredHostKeyTypes?: string[];
}

export interface SftpSessionOptions {
  host: string;
  port: number;
  username: string;
  auth: SftpAuth;
  /** Decides on every host key shown: the jump host's and the target's. */
  hostKey: HostKeyPolicy;
  /** Host key types already trusted for this host (KnownHosts.knownKeyTypes): asked for first, like OpenSSH. */
  preferredHostKeyTypes?: string[];
  jump?: JumpHost;
  /** Time for TCP connect + handshake + login. */
  readyTimeoutMs?: number;
  keepaliveIntervalMs?: number;
  env?: NodeJS.ProcessEnv;
  fs?: SftpFileSystemOptions;
  transfers?: SftpTransferDriverOptions;
  channels?: SftpChannelPoolOptions;
}

/** Connects (through the jump host, if any), checks host keys, logs in and opens the browsing channel. */
export async function openSftpSession(options: SftpSessionOptions): Promise<SftpSession> {
  const { auth } = options;
  const warnings: string[] = [];
  let credential: ParsedKey | string | undefined;
  if (auth.kind === 'key') {
    const loaded = await loadPrivateKey(auth.keyPath, auth.passphrase);
    credential = loaded.key;
    warnings.push(...loaded.warnings);
  } else if (auth.kind === 'agent') {
    credential = agentSocketFor(auth, options.env);
  }
  const common = {
    auth,
    credential,
    hostKey: options.hostKey,
    readyTimeoutMs: options.readyTimeoutMs,
    keepaliveIntervalMs: options.keepaliveIntervalMs,
  };

  let jump: Client | undefined;
  if (options.jump) {
    jump = (await sshLogin({ ...common, ...options.jump })).client;
  }
  let login: Awaited<ReturnType<typeof sshLogin>>;
  try {
    const sock = jump ? await forwardThrough(jump, options.host, options.port) : undefined;
    login = await sshLogin({
      ...common,
      host: options.host,
      port: options.port,
      username: options.username,
      preferredHostKeyTypes: options.preferredHostKeyTypes,
      sock,
    });
  } catch (error) {
    jump?.end();
    throw error;
  }
  const { client, hostKey } = login;
  if (jump) {
    const bastion = jump;
    client.once('close', () => bastion.end());
    bastion.once('close', () => client.end());
  }

  const channels = new SftpChannelPool(client, options.channels);
  try {
    const browse = await channels.browse();
    const homePath = await browse.realpath('.');
    const fs = new SftpFileSystem(channels, homePath, options.fs);
    const transfers = new SftpTransferDriver(channels, options.transfers);
    return new SftpSession(client, channels, fs, transfers, hostKey, warnings);
  } catch (error) {
    channels.closeAll();
    client.end();
    throw remoteError(error);
  }
}
