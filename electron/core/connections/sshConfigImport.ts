import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import SSHConfig from 'ssh-config';
import type { SshConfigHost } from '../../../shared/contract/sftp.js';
import { codedError } from '../errors.js';

/**
 * The concrete hosts of ~/.ssh/config (aliases without wildcards), each resolved with every
 * matching block the way ssh does, so `Host *` defaults apply. Match blocks' `exec` is never run.
 */
export async function readSshConfigHosts(homeDir: string): Promise<SshConfigHost[]> {
  const path = join(homeDir, '.ssh', 'config');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw codedError('invalidInput', 'coreConnections:sshConfigUnreadable', { path, detail: (error as Error).message }, error);
  }
  return sshConfigHosts(text, homeDir);
}

export function sshConfigHosts(text: string, homeDir: string = homedir()): SshConfigHost[] {
  const config = SSHConfig.parse(text);
  const aliases: string[] = [];
  for (const line of config) {
    if (line.type !== SSHConfig.DIRECTIVE || line.param.toLowerCase() !== 'host') continue;
    const values = Array.isArray(line.value) ? line.value.map((v) => (typeof v === 'string' ? v : v.val)) : [line.value];
    for (const alias of values) {
      if (typeof alias === 'string' && alias !== '' && !/[*?!]/.test(alias) && !aliases.includes(alias)) aliases.push(alias);
    }
  }
  const hosts = aliases.map((alias) => {
    const computed = config.compute(alias, { ignoreCase: true, matchExec: false });
    const pick = (name: string): string | undefined => {
      const value = computed[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const port = Number(pick('port') ?? 22);
    const identity = pick('identityfile');
    return {
      alias,
      host: pick('hostname')?.replace(/%h/g, alias) ?? alias,
      port: Number.isInteger(port) && port > 0 && port < 65536 ? port : 22,
      username: pick('user'),
      identityFile: identity ? expandHome(identity, homeDir) : undefined,
      proxyJump: pick('proxyjump')?.toLowerCase() === 'none' ? undefined : pick('proxyjump'),
    };
  });
  // A ProxyJump naming another alias becomes that host's user@hostname:port, as ssh resolves it.
  for (const host of hosts) {
    const via = host.proxyJump && hosts.find((other) => other.alias === host.proxyJump);
    if (via) host.proxyJump = `${via.username ? `${via.username}@` : ''}${via.host}:${via.port}`;
  }
  return hosts;
}

function expandHome(path: string, homeDir: string): string {
  const unquoted = path.replace(/^"(.*)"$/, '$1');
  if (unquoted === '~') return homeDir;
  if (unquoted.startsWith('~/')) return join(homeDir, unquoted.slice(2));
  return unquoted.replace(/%d/g, homeDir);
}
