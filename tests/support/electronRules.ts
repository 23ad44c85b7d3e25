/**
 * What Electron 45 does with the arguments main gives it, read from Electron's source
 * (shell/common/node_bindings.cc, shell/browser/javascript_environment.cc,
 * shell/browser/api/electron_api_utility_process.cc), for the checks that cannot run
 * Electron itself: the unit tests and the stand-in Electron of `npm run smoke:app`.
 */

/**
 * A utility process's `execArgv` becomes switches on its command line. Node then parses
 * only these options from it (`IsAllowedOption`); every other Node or V8 option is dropped
 * without a word. The inspector options also need the NodeCliInspect fuse.
 */
const nodeOptionsElectronKeeps = new Set([
  '--diagnostic-dir',
  '--dns-result-order',
  '--no-deprecation',
  '--throw-deprecation',
  '--trace-deprecation',
  '--trace-warnings',
  '--no-experimental-global-navigator',
  '--debug',
  '--debug-brk',
  '--debug-port',
  '--inspect',
  '--inspect-brk',
  '--inspect-brk-node',
  '--inspect-port',
  '--inspect-publish-uid',
]);

/** Chromium's switch for V8 flags: the process's JavaScript environment applies it before it makes its V8 heap. */
const jsFlagsSwitch = '--js-flags';

const switchName = (arg: string) => arg.slice(0, arg.indexOf('=') === -1 ? undefined : arg.indexOf('='));

/** Whether an `execArgv` entry given to `utilityProcess.fork` has any effect in the child. */
export function utilityProcessHonours(arg: string): boolean {
  const name = switchName(arg);
  return name === jsFlagsSwitch || nodeOptionsElectronKeeps.has(name);
}

/**
 * What a utility process started with `execArgv` runs with, as Node's own command line
 * would say it: the Node options Electron keeps, then the V8 flags of `--js-flags`.
 */
export function nodeArgsOfUtilityProcess(execArgv: readonly string[]): string[] {
  const kept = execArgv.filter((arg) => utilityProcessHonours(arg) && switchName(arg) !== jsFlagsSwitch);
  const v8Flags = execArgv
    .filter((arg) => switchName(arg) === jsFlagsSwitch)
    .flatMap((arg) => arg.slice(jsFlagsSwitch.length + 1).split(/\s+/))
    .filter(Boolean);
  return [...kept, ...v8Flags];
}

/**
 * Modules a sandboxed preload may require (lib/sandboxed_renderer/init.ts gives it a require
 * that knows only these): a preload bundle must need nothing else.
 */
export const sandboxedPreloadModules = new Set(['electron', 'electron/common', 'electron/renderer', 'events', 'node:events', 'timers', 'node:timers', 'url', 'node:url']);
