import { fork } from 'node:child_process';
import { coreProcessV8Flags } from '../../electron/core/process/coreProtocol.js';
import type { CoreProcessChild } from '../../electron/main/remoteCore.js';

/**
 * The core process under plain Node (tests and the benchmark), started with the same
 * V8 flags as the app's utility process (Node takes them as they are, Electron through
 * `--js-flags`). `modulePath` is the bundled coreProcess entry.
 */
export function forkCoreProcess(modulePath: string, env: NodeJS.ProcessEnv = process.env): CoreProcessChild & { pid: number | undefined } {
  // STOWAGE_CORE_PROFILE=<dir>: a CPU profile of the core, for finding where a benchmark's time goes.
  const profiling = env.STOWAGE_CORE_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${env.STOWAGE_CORE_PROFILE}`] : [];
  const child = fork(modulePath, [], { execArgv: [...coreProcessV8Flags, ...profiling], env, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    pid: child.pid,
    // A send to a process that just died fails here; its exit then fails whatever waits.
    send: (message) => void child.send(message, () => undefined),
    onMessage: (listener) => child.on('message', (m) => listener(m as Parameters<typeof listener>[0])),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
}
