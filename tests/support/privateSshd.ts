import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { readTestbedEnv } from './testbedEnv.js';

const testbedConfig = () => join(readTestbedEnv().sftp.hostKeyPub, '..', '..', 'sshd_config');

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** An sshd of this test's own (same users and keys as the shared one), which it may kill. */
export class PrivateSshd {
  process: ChildProcess | undefined;
  constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get hostKeyPub(): string {
    return join(this.dir, 'host_ed25519.pub');
  }

  static async start(dir: string): Promise<PrivateSshd> {
    const sshd = new PrivateSshd(dir, await freePort());
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_ed25519')]);
    const shared = await readFile(testbedConfig(), 'utf8');
    const config = shared
      .split('\n')
      .filter((line) => !/^(Port|HostKey|PidFile|ListenAddress)\b/.test(line))
      .concat([`Port ${sshd.port}`, 'ListenAddress 127.0.0.1', `HostKey ${join(dir, 'host_ed25519')}`, `PidFile ${join(dir, 'sshd.pid')}`, 'AllowTcpForwarding yes'])
      .join('\n');
    await writeFile(join(dir, 'sshd_config'), `${config}\n`);
    await sshd.run();
    return sshd;
  }

  async run(): Promise<void> {
    const child = spawn('/usr/sbin/sshd', ['-D', '-f', join(this.dir, 'sshd_config'), '-E', join(this.dir, 'sshd.log')], {
      stdio: 'ignore',
    });
    this.process = child;
    for (let i = 0; i < 100; i++) {
      const up = await new Promise<boolean>((resolve) => {
        const socket = createServer().listen(this.port, '127.0.0.1');
        socket.on('listening', () => socket.close(() => resolve(false)));
        socket.on('error', () => resolve(true));
      });
      if (up) return;
      if (child.exitCode !== null) throw new Error(`sshd exited: ${await readFile(join(this.dir, 'sshd.log'), 'utf8')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('sshd did not start listening');
  }

  /**
   * Kills every sshd process serving a connection (the monitor, the user's process and its
   * sftp-server; the listener stays): the server drops them all, as a crash or reboot would.
   */
  dropConnections(): number {
    const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number) as [number, number])
      .filter(([pid]) => pid > 0);
    const tree = new Set([this.process!.pid!]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, ppid] of rows) {
        if (tree.has(ppid) && !tree.has(pid)) {
          tree.add(pid);
          grew = true;
        }
      }
    }
    tree.delete(this.process!.pid!);
    for (const pid of tree) process.kill(pid, 'SIGKILL');
    return tree.size;
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    this.dropConnections();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
