// Which SSH agent a login uses, and how Stowage reaches Pageant on Windows.
//
// ssh2 picks by the string it is given: a `\\.\pipe\...` path or a Unix socket is an
// OpenSSH-protocol agent, "pageant" spawns `util/pagent.exe` next to ssh2's own module
// folder, and any other path on Windows is a Cygwin socket file. In the app ssh2 is bundled
// into the core (its folder is gone) and the bundle sits in the asar archive (no process can
// be spawned from there), so Pageant goes through the copy electron-builder puts in the
// app's resources folder (electron-builder.yml, win.extraResources).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Duplex } from 'node:stream';
import ssh2, { type BaseAgent } from 'ssh2';
import { codedError } from '../errors.js';

/** The agent Windows 10/11 ship with (the "OpenSSH Authentication Agent" service). */
export const openSshAgentPipe = '\\\\.\\pipe\\openssh-ssh-agent';
/** Where electron-builder puts pagent.exe, relative to `process.resourcesPath`. */
export const pageantExeInResources = 'pagent.exe';

export interface AgentSystem {
  platform: NodeJS.Platform;
  /** Whether a Windows named pipe exists, without connecting to it. */
  pipeExists(pipe: string): boolean;
}

/**
 * Lists `\\.\pipe\` instead of stat'ing the pipe: a stat opens it, which takes one of the
 * server's pipe instances and can leave the next connect busy.
 */
function windowsPipeExists(pipe: string): boolean {
  try {
    return readdirSync('\\\\.\\pipe\\').includes(pipe.slice('\\\\.\\pipe\\'.length));
  } catch {
    return false;
  }
}

const thisSystem: AgentSystem = { platform: process.platform, pipeExists: windowsPipeExists };

/**
 * The agent to use: the connection's socket, else SSH_AUTH_SOCK, else on Windows the OpenSSH
 * agent's pipe when its service runs, else Pageant.
 */
export function agentSocketFor(auth: { agentSocket?: string }, env: NodeJS.ProcessEnv = process.env, system: AgentSystem = thisSystem): string {
  const chosen = auth.agentSocket || env.SSH_AUTH_SOCK;
  if (chosen) return chosen;
  if (system.platform === 'win32') return system.pipeExists(openSshAgentPipe) ? openSshAgentPipe : 'pageant';
  throw codedError('auth', 'coreSftp:login.noAgent');
}

/** ssh2's copy, found from the bundle (or the source) up through node_modules: `npm start` and the tests. */
function ssh2sCopy(): string | undefined {
  try {
    return typeof require === 'function' ? require.resolve('ssh2/util/pagent.exe') : undefined;
  } catch {
    return undefined;
  }
}

/** The pagent.exe to spawn: the installed app's unpacked copy first, then ssh2's own. */
export function pageantExecutable(
  resourcesPath: string | undefined = (process as { resourcesPath?: string }).resourcesPath,
  exists: (path: string) => boolean = existsSync,
  fallback: string | undefined = ssh2sCopy(),
): string | undefined {
  return [resourcesPath && join(resourcesPath, pageantExeInResources), fallback].find((p): p is string => !!p && exists(p));
}

/** What ssh2 gets for an agent login: the socket's name, or for Pageant an agent that spawns our pagent.exe. */
export function agentFor(socket: string, platform: NodeJS.Platform = process.platform, exe: () => string | undefined = pageantExecutable): string | BaseAgent {
  if (platform !== 'win32' || socket !== 'pageant') return socket;
  const path = exe();
  if (!path) throw codedError('auth', 'coreSftp:login.pageantMissing');
  return new PageantAgent(path);
}

// pagent.exe's exit codes (ssh2's util/pagent.c).
const pagentErrors: Record<number, string> = {
  10: 'Invalid pagent.exe arguments',
  11: 'Pageant is not running',
  12: 'pagent.exe could not create an mmap',
  13: 'pagent.exe could not set mode for stdin',
  14: 'pagent.exe could not set mode for stdout',
  15: 'pagent.exe did not get expected input payload',
};

/**
 * ssh2's PageantAgent with the executable's path given: one pagent.exe run per agent request
 * (length-prefixed in, answer out on stdout), as ssh2's own PageantSocket does.
 */
export class PageantAgent extends ssh2.OpenSSHAgent {
  constructor(readonly exePath: string) {
    super(exePath);
  }

  override getStream(cb: (err: Error | undefined, stream?: Duplex) => void): void {
    cb(undefined, new PagentSocket(this.exePath));
  }
}

class PagentSocket extends Duplex {
  private pending = Buffer.alloc(0);
  private proc: ChildProcess | undefined;

  constructor(private readonly exePath: string) {
    super();
  }

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, cb: (error?: Error | null) => void): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    if (this.pending.length < 4 || this.pending.length - 4 < this.pending.readUInt32BE(0)) return cb();
    const message = this.pending;
    if (message.length > 4 + message.readUInt32BE(0)) return cb(new Error('Unexpected multiple agent requests'));
    this.pending = Buffer.alloc(0);
    let failed = false;
    const proc = (this.proc = spawn(this.exePath, [String(message.length)], { windowsHide: true }));
    proc.stdout!.on('data', (data: Buffer) => this.push(data));
    proc.on('error', (error) => {
      failed = true;
      cb(error);
    });
    proc.on('close', (code) => {
      this.proc = undefined;
      if (failed) return;
      const known = code === null ? undefined : pagentErrors[code];
      cb(known ? new Error(known) : undefined);
    });
    proc.stdin!.end(message);
  }

  override _final(cb: () => void): void {
    this.stop();
    cb();
  }

  override _destroy(error: Error | null, cb: (error?: Error | null) => void): void {
    this.stop();
    cb(error);
  }

  private stop(): void {
    this.proc?.kill();
    this.proc = undefined;
  }
}
