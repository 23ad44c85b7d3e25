import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * MD5s of byte ranges of open files, taken on worker threads. A large download's event loop
 * already decrypts, gathers and writes every byte; the MD5 that proves those bytes is as
 * much work again, and on another core it runs beside the transfer instead of after each
 * block. The workers read the file themselves (the pages are still in the page cache), so
 * no block is shared with or copied to them, and they hash what is on disk: what the user
 * gets.
 */
export interface FileHashWorkers {
  /** The MD5 (hex) of `length` bytes of the open file `fd` from `start`. */
  md5(fd: number, start: number, length: number): Promise<string>;
  close(): Promise<void>;
}

interface Job {
  fd: number;
  start: number;
  length: number;
  resolve: (md5: string) => void;
  reject: (error: Error) => void;
}

/**
 * The worker's whole program, run from its source text (`eval`): it needs nothing of the
 * core's bundle, and so costs a worker's bare start-up rather than the bundle's.
 */
function hashWorkerMain(): void {
  const { parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const { readSync } = require('node:fs') as typeof import('node:fs');
  const block = Buffer.allocUnsafe(1024 * 1024);
  parentPort!.on('message', (job: { fd: number; start: number; length: number }) => {
    try {
      const hash = createHash('md5');
      for (let at = job.start, left = job.length; left > 0; ) {
        const got = readSync(job.fd, block, 0, Math.min(block.length, left), at);
        if (got === 0) throw new Error(`the file ended ${left} bytes early`);
        hash.update(block.subarray(0, got));
        at += got;
        left -= got;
      }
      parentPort!.postMessage({ md5: hash.digest('hex') });
    } catch (error) {
      parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
    }
  });
}

/** A worker hashes one range at a time; a few MiB of V8 heap is all it ever needs. */
const workerLimits = { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 };

export interface FileHashWorkerOptions {
  /** The most workers at once; by default one per core the event loop leaves free, up to 4. */
  most?: number;
  /** Idle this long, the workers stop and give back their memory (a new job starts one again). */
  idleMs?: number;
}

/**
 * Workers started when first needed, each idle one unreferenced so it never keeps the
 * process alive, all stopped once idle for `idleMs`: the app runs for hours between downloads.
 */
export function createFileHashWorkers(options: FileHashWorkerOptions = {}): FileHashWorkers {
  const most = options.most ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  const idleMs = options.idleMs ?? 30_000;
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  const running = () => idle.length + busy.size;
  let closed = false;
  let retire: NodeJS.Timeout | undefined;

  /**
   * A worker that failed or stopped: its job fails (the caller then hashes on its own), the
   * worker is forgotten, and the jobs waiting go to the others or to a new one.
   */
  const lost = (worker: Worker, error: Error) => {
    busy.get(worker)?.reject(error);
    busy.delete(worker);
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
    next();
  };

  const start = (): Worker => {
    // None of the process's own Node options (a loader, an input type, a profiler) applies to this plain script.
    const worker = new Worker(`(${hashWorkerMain.toString()})()`, { eval: true, execArgv: [], resourceLimits: workerLimits });
    worker.on('message', (answer: { md5?: string; error?: string }) => {
      const job = busy.get(worker);
      busy.delete(worker);
      if (answer.md5) job?.resolve(answer.md5);
      else job?.reject(new Error(`hashing failed: ${answer.error}`));
      idle.push(worker);
      next();
    });
    worker.on('error', (error) => lost(worker, error));
    worker.on('exit', () => lost(worker, new Error('a hashing thread stopped')));
    return worker;
  };

  /** Hands waiting jobs to idle workers, starting workers up to `most`; where none can start, the jobs fail. */
  const next = () => {
    if (closed) for (const job of queue.splice(0)) job.reject(new Error('the hashing threads are closed'));
    while (queue.length > 0) {
      let worker = idle.pop();
      if (!worker && running() < most) {
        try {
          worker = start();
        } catch (error) {
          if (running() === 0) for (const job of queue.splice(0)) job.reject(error as Error);
          return;
        }
      }
      if (!worker) return;
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.ref();
      worker.postMessage({ fd: job.fd, start: job.start, length: job.length });
    }
    for (const worker of idle) worker.unref();
    clearTimeout(retire);
    if (busy.size === 0 && idle.length > 0) {
      retire = setTimeout(() => void Promise.all(idle.splice(0).map((w) => w.terminate())), idleMs).unref();
    }
  };

  return {
    md5: (fd, start, length) =>
      new Promise<string>((resolve, reject) => {
        queue.push({ fd, start, length, resolve, reject });
        next();
      }),
    async close() {
      closed = true;
      clearTimeout(retire);
      await Promise.all([...idle, ...busy.keys()].map((w) => w.terminate()));
    },
  };
}

let shared: FileHashWorkers | undefined;
/** The process's one set of hashing workers. */
export const fileHashWorkers = (): FileHashWorkers => (shared ??= createFileHashWorkers());
