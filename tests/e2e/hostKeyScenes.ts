/** A test SSH server whose saved host key is another one: what a rebuilt server (or an attack) looks like. */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StowageApp } from './fixtures.js';

export const fingerprintOf = (pubPath: string) => execFileSync('ssh-keygen', ['-lf', pubPath], { encoding: 'utf8' }).split(' ')[1]!;

/** Saves a fresh key (not the server's) for the test sshd in ~/.ssh/known_hosts; `other` is its key file, without `.pub`. */
export async function savedOtherHostKey(app: StowageApp): Promise<{ other: string; knownHosts: string }> {
  const { host, port } = app.servers.sftp;
  const other = join(app.workDir, 'other_host_key');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
  const knownHosts = join(app.headless.homeDir, '.ssh', 'known_hosts');
  await mkdir(join(app.headless.homeDir, '.ssh'), { recursive: true });
  const otherLine = (await readFile(`${other}.pub`, 'utf8')).split(' ').slice(0, 2).join(' ');
  await writeFile(knownHosts, `[${host}]:${port} ${otherLine}\n`);
  return { other, knownHosts };
}
