import { join } from 'node:path';
import { utilityProcess } from 'electron';
import { codeCacheDirVariable, utilityProcessExecArgv } from '../core/process/coreProtocol.js';
import { startRemoteCore, type CoreProcessHost, type RemoteCore } from './remoteCore.js';
import { appFiles } from './appFiles.js';

/**
 * Runs the core in an Electron utility process: transfers, their buffers and their
 * garbage collections stay out of main, which keeps windows and IPC responsive, and the
 * process gets V8 flags of its own (main's are fixed before any code runs), given as
 * `--js-flags`: Electron drops other V8 flags from a utility process's execArgv.
 */
export function startCoreProcess(host: CoreProcessHost, log: (line: string) => void): Promise<RemoteCore> {
  return startRemoteCore(
    () => {
      const env = { ...process.env, [codeCacheDirVariable]: join(host.setup.dataDir, 'Core Code Cache') };
      const child = utilityProcess.fork(appFiles.coreLoader, [], { execArgv: utilityProcessExecArgv, env, serviceName: 'Stowage core', stdio: 'inherit' });
      return {
        send: (message) => {
          // Posting to a process that just died throws; its exit then fails whatever waits.
          try {
            child.postMessage(message);
          } catch {
            /* see above */
          }
        },
        onMessage: (listener) => child.on('message', (message) => listener(message as Parameters<typeof listener>[0])),
        onExit: (listener) => child.on('exit', (code) => listener(code)),
        kill: () => void child.kill(),
      };
    },
    host,
    log,
  );
}
