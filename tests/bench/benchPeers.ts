// The benchmarks' peers: finding them (installing Debian's packages of them when they are
// missing), and running a command under /usr/bin/time for wall seconds, peak RSS and CPU.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** A command the benchmarks compare against, and the Debian (12) package that brings it. */
export interface Peer {
  command: string;
  debianPackage: string;
}
export const awsCliPeer: Peer = { command: 'aws', debianPackage: 'awscli' };
export const rclonePeer: Peer = { command: 'rclone', debianPackage: 'rclone' };
export const sftpPeer: Peer = { command: 'sftp', debianPackage: 'openssh-client' };
/** GNU time, which measures every tool's peak RSS and CPU. */
const timePeer: Peer = { command: 'time', debianPackage: 'time' };

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const onPath = (command: string) => (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, command)).find(executable);
const debianInstalled = (pkg: string) => {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().includes('install ok installed');
  } catch {
    return false;
  }
};
/** The path of `command` that Debian's package installed, when it is installed. */
const debianBinary = (peer: Peer) => {
  if (!debianInstalled(peer.debianPackage)) return undefined;
  const files = execFileSync('dpkg-query', ['-L', peer.debianPackage]).toString().split('\n');
  return files.find((f) => /\/s?bin\//.test(f) && f.endsWith(`/${peer.command}`) && executable(f));
};

/**
 * Each peer's executable: the one Debian's package installed (the peers the published
 * figures name), installed first when missing, as tests/servers/servers.sh installs the
 * servers, if the benchmark runs as root with apt-get. Otherwise the first on PATH (said so
 * on stderr), and with neither it stops with the exact line to run.
 */
export function findPeers<const Names extends string>(peers: Record<Names, Peer>): Record<Names, string> {
  const all = [...Object.values<Peer>(peers), timePeer];
  const packages = [...new Set(all.filter((p) => !debianBinary(p)).map((p) => p.debianPackage))];
  const line = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  const canInstall = process.getuid?.() === 0 && onPath('apt-get') && process.env.BENCH_NO_INSTALL !== '1';
  if (packages.length && canInstall) {
    console.error(`bench: installing the Debian packages of the tools it compares against: ${line}`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  const found = {} as Record<Names, string>;
  const absent: Peer[] = [];
  for (const [name, peer] of [...(Object.entries(peers) as [Names, Peer][]), ['time' as Names, timePeer] as const]) {
    const debian = debianBinary(peer);
    const path = debian ?? (peer === timePeer ? ['/usr/bin/time'].find(executable) : onPath(peer.command));
    if (!path) absent.push(peer);
    else if (peer !== timePeer) found[name] = path;
    if (path && !debian) console.error(`bench: ${peer.command} is ${path}, not Debian's package ${peer.debianPackage} (to compare against it, as root: ${line})`);
  }
  if (absent.length) throw new Error(`The benchmark compares against ${absent.map((p) => p.command).join(', ')}: not found. Install them (Debian 12), as root: ${line}`);
  return found;
}

/** The first line a peer prints for its version (on stdout or, as OpenSSH's `ssh -V`, stderr), for the benchmark's header. */
export function peerVersion(path: string, args = ['--version']): string {
  const out = spawnSync(path, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000, encoding: 'utf8' });
  return `${out.stdout ?? ''}\n${out.stderr ?? ''}`.trim().split('\n')[0] || 'unknown version';
}

export interface Measured {
  seconds: number;
  peakRssMiB: number;
  cpuSeconds: number;
  resentFraction?: number;
  /** Stowage only: the seconds its driver measured inside the core, from the first request to the last transfer's end. */
  insideSeconds?: number;
}

export async function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<Measured & { stdout: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-time-'));
  const timeFile = join(dir, 'time');
  const began = performance.now();
  const child = spawn('/usr/bin/time', ['-o', timeFile, '-f', '%M %U %S', cmd, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(input ?? '');
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const seconds = (performance.now() - began) / 1000;
  const [rssKiB, user, sys] = (await readFile(timeFile, 'utf8')).trim().split('\n').pop()!.split(' ').map(Number);
  await rm(dir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${code}): ${stderr.slice(-2000)}`);
  return { seconds, peakRssMiB: rssKiB! / 1024, cpuSeconds: user! + sys!, stdout };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
