import type { CatalogText } from '../../../shared/i18n/catalogText.js';
import type { Client, ParsedKey } from 'ssh2';
import type { ProxyFor } from '../net/proxyPicker.js';
import type { HostKeyPolicy } from './hostKey.js';
import { loadPrivateKey } from './privateKey.js';
import { agentSocketFor, type SftpAuth } from './sftpAuth.js';
import { SftpChannelPool, type SftpChannelPoolOptions } from './sftpChannelPool.js';
import { remoteError } from './sftpErrors.js';
import { SftpFileSystem, type SftpFileSystemOptions } from './sftpFileSystem.js';
import { SftpSession } from './sftpSession.js';
import { SftpTransferDriver, type SftpTransferDriverOptions } from './sftpTransferDriver.js';
import { forwardThrough, sshLogin } from './sshLogin.js';
import { sshTunnel } from './sshTunnel.js';

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
  /** The proxy for the first hop (the jump host, else the server): reached through its CONNECT tunnel. */
  proxyFor?: ProxyFor;
  fs?: SftpFileSystemOptions;
  transfers?: SftpTransferDriverOptions;
  channels?: SftpChannelPoolOptions;
}

/** Connects (through the proxy and the jump host, if any), checks host keys, logs in and opens the browsing channel. */
export async function openSftpSession(options: SftpSessionOptions): Promise<SftpSession> {
  const { auth } = options;
  const warnings: CatalogText[] = [];
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

  const firstHop = options.jump ?? options;
  const tunnel = await sshTunnel(options.proxyFor, firstHop.host, firstHop.port);
  let jump: Client | undefined;
  if (options.jump) {
    jump = (await sshLogin({ ...common, ...options.jump, sock: tunnel })).client;
  }
  let login: Awaited<ReturnType<typeof sshLogin>>;
  try {
    const sock = jump ? await forwardThrough(jump, options.host, options.port) : tunnel;
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
