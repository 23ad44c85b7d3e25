// The pieces of a benchmark driver that plays main: start the core process as the app does
// (with the app's V8 flags), connect, and follow the transfers' events.
import { readFileSync } from 'node:fs';
import { finishedStates, type TransferProgress, type TransferSnapshot } from '../../shared/transfers.js';
import { codeCacheDirVariable, utilityProcessExecArgv } from '../../electron/core/process/coreProtocol.js';
import { forkCoreProcess } from '../support/forkCoreProcess.js';
import { startRemoteCore, type RemoteCore } from '../../electron/main/remoteCore.js';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { coreClient } from '../support/coreClient.js';

/** What a driver connects to. `caFile`: the private CA the connection trusts, as a user names it in the connection dialog. */
export interface DriverConnection {
  kind: 's3' | 'sftp';
  s3?: { endpoint: string; accessKeyId: string; secretAccessKey: string; region: string; caFile?: string };
  sftp?: { host: string; port: number; username: string; keyPath: string };
}

const secretBox = createHeadlessSecretBox();

/**
 * Fails unless the forked core runs with exactly the V8 flags the app gives its utility
 * process (`--js-flags=...` in electron/main/coreProcess.ts), read from its command line.
 */
export function checkAppV8Flags(pid: number | undefined): void {
  const appFlags = utilityProcessExecArgv.flatMap((arg) => (arg.startsWith('--js-flags=') ? arg.slice('--js-flags='.length).split(' ') : []));
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(1);
  const v8Flags = args.slice(0, args.findIndex((a) => !a.startsWith('--'))).filter((a) => !a.startsWith('--cpu-prof'));
  if (appFlags.join(' ') !== v8Flags.join(' ')) throw new Error(`the core runs with ${JSON.stringify(v8Flags)}, the app with ${JSON.stringify(appFlags)}`);
}

/**
 * The core process's entry as main starts it (coreLoader.cjs), and the folder that keeps V8's
 * code cache of its bundle from one start to the next, as the app's user-data folder does.
 */
export interface CoreEntry {
  coreModule: string;
  codeCacheDir?: string;
}

export function startCore(job: CoreEntry, dataDir: string): Promise<RemoteCore> {
  return startRemoteCore(() => {
    const child = forkCoreProcess(job.coreModule, { ...process.env, HOME: dataDir, ...(job.codeCacheDir && { [codeCacheDirVariable]: job.codeCacheDir }) });
    if (process.platform === 'linux') checkAppV8Flags(child.pid);
    return child;
  }, {
    setup: { dataDir, homeDir: dataDir, appVersion: 'bench', platform: process.platform },
    secretBox,
    dialogs: { chooseFolder: async () => null },
  });
}

export async function connect(core: RemoteCore, job: DriverConnection, existing?: string): Promise<string> {
  const call = coreClient(core);
  let id = existing;
  if (!id) {
    const draft =
      job.kind === 's3'
        ? { protocol: 's3' as const, name: 'bench', endpoint: { kind: 'custom' as const, url: job.s3!.endpoint }, region: job.s3!.region, forcePathStyle: true, rememberSecret: true, auth: { kind: 'keys' as const, accessKeyId: job.s3!.accessKeyId, secretAccessKey: job.s3!.secretAccessKey }, ...(job.s3!.caFile && { caFile: job.s3!.caFile }) }
        : { protocol: 'sftp' as const, name: 'bench', host: job.sftp!.host, port: job.sftp!.port, username: job.sftp!.username, rememberSecret: false, auth: { kind: 'key' as const, keyPath: job.sftp!.keyPath } };
    id = (await call('connections:save', { draft })).id;
  }
  let outcome = await call('connections:connect', { id });
  if (outcome.state === 'hostKeyPrompt') outcome = await call('connections:answerHostKey', { promptId: outcome.prompt.promptId, decision: 'trustOnce' });
  if (outcome.state !== 'connected') throw new Error(`not connected: ${JSON.stringify(outcome)}`);
  return id;
}

/**
 * The transfers' progress and final states, from the core's events: asking for the whole
 * list instead would cost the core a copy of 2,000 transfers every time.
 */
export function watch(core: RemoteCore) {
  const bytesDone = new Map<string, number>();
  const finished = new Map<string, TransferSnapshot>();
  // Checked on every event, not polled: a poll over 2,000 ids every few ms was a tenth of the CPU of a small-files run.
  const waiters = new Set<() => void>();
  core.events.subscribe((channel, payload) => {
    if (channel === 'transfers:progress') for (const p of payload as TransferProgress[]) bytesDone.set(p.id, p.bytesDone);
    if (channel === 'transfers:changed') {
      const s = payload as TransferSnapshot;
      if (finishedStates.includes(s.state)) finished.set(s.id, s);
      else finished.delete(s.id);
    }
    for (const check of waiters) check();
  });
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!done()) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  return {
    bytesDone,
    /** Resolves with the final snapshots once every one of `ids` has finished. */
    async allFinished(ids: string[]): Promise<TransferSnapshot[]> {
      const pending = new Set(ids);
      await until(() => {
        for (const id of pending) {
          if (!finished.has(id)) return false;
          pending.delete(id);
        }
        return true;
      });
      return ids.map((id) => finished.get(id)!);
    },
    until,
  };
}

