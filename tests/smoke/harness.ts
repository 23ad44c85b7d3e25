import Module, { createRequire } from 'node:module';

/** The id main's `require('electron')` resolves to: the stand-in of the current run. */
const electronId = '/stowage-smoke/electron';
let hooked = false;

/**
 * Loads main's bundle afresh with `electron` resolving to `electron` (the stand-in), as
 * Electron loads it: CommonJS, from where the installer put it.
 */
export function loadMain(mainPath: string, electron: object): void {
  const loader = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
  if (!hooked) {
    const resolve = loader._resolveFilename;
    loader._resolveFilename = function (request, ...rest) {
      return request === 'electron' ? electronId : resolve.call(this, request, ...rest);
    };
    hooked = true;
  }
  const load = createRequire(mainPath);
  load.cache[electronId] = { id: electronId, filename: electronId, loaded: true, exports: electron, children: [], paths: [] } as unknown as NodeJS.Module;
  delete load.cache[mainPath];
  load(mainPath);
}

export interface CheckResult {
  name: string;
  ok: boolean;
  detail?: string;
}

/** Named checks, printed as they run; a check fails by throwing (node:assert) or returning false. */
export class Checks {
  readonly results: CheckResult[] = [];

  async check(name: string, run: () => unknown): Promise<boolean> {
    let result: CheckResult;
    try {
      const value = await run();
      result = value === false ? { name, ok: false, detail: 'returned false' } : { name, ok: true };
    } catch (error) {
      result = { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
    this.results.push(result);
    console.log(`${result.ok ? '  ok  ' : '  FAIL'} ${name}${result.detail ? `\n        ${result.detail.split('\n').join('\n        ')}` : ''}`);
    return result.ok;
  }

  get failed(): number {
    return this.results.filter((r) => !r.ok).length;
  }
}

/** Waits for `condition` (polled), or throws saying what did not happen. */
export async function waitFor(condition: () => unknown, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
