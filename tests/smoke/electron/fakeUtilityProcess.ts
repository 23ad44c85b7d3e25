import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { nodeArgsOfUtilityProcess } from '../../support/electronRules.js';
import type { Journal } from './journal.js';

const shim = fileURLToPath(new URL('./coreShim.cjs', import.meta.url));

export interface ForkRecord {
  modulePath: string;
  execArgv: string[];
  /** What the child runs with after Electron's filtering, in Node's terms. */
  nodeArgs: string[];
  child: FakeUtilityProcess;
}

/**
 * Electron's UtilityProcess, played by a Node child running the real module with a shim that
 * gives it `process.parentPort`. Electron's rules kept: execArgv keeps only the options
 * Electron passes on (V8 flags only through --js-flags); once the child has exited,
 * postMessage and kill do nothing.
 */
export class FakeUtilityProcess extends EventEmitter {
  pid: number | undefined;
  exited = false;
  private readonly child: ChildProcess;

  constructor(modulePath: string, args: string[], nodeArgs: string[], env: NodeJS.ProcessEnv) {
    super();
    this.child = fork(modulePath, args, {
      execArgv: [...nodeArgs, '--require', shim],
      env,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.pid = this.child.pid;
    this.child.on('spawn', () => this.emit('spawn'));
    this.child.on('message', (message) => this.emit('message', message));
    this.child.on('exit', (code) => {
      this.exited = true;
      this.pid = undefined;
      this.emit('exit', code ?? 1);
    });
  }

  postMessage(message: unknown): void {
    if (this.exited || !this.child.connected) return;
    this.child.send(message as never, () => undefined);
  }

  kill(): boolean {
    if (this.exited) return false;
    return this.child.kill();
  }

  /** The harness plays a crash. */
  crash(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }
}

export function fakeUtilityProcessModule(journal: Journal, forks: ForkRecord[]) {
  return {
    fork(modulePath: string, args: string[] = [], options: { execArgv?: string[]; env?: NodeJS.ProcessEnv } = {}) {
      const execArgv = options.execArgv ?? [];
      const nodeArgs = nodeArgsOfUtilityProcess(execArgv);
      journal.note('utilityProcess.fork', { modulePath, execArgv });
      const child = new FakeUtilityProcess(modulePath, args, nodeArgs, options.env ?? process.env);
      forks.push({ modulePath, execArgv, nodeArgs, child });
      return child;
    },
  };
}
