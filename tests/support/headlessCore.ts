import { createCore, type Core } from '../../electron/core/createCore.js';
import type { CoreHost } from '../../electron/core/host.js';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { packageVersion } from './appVersion.js';
import { makeTempDir, type TempDir } from './tempDir.js';

/** A core for a test, in this process (`Core`) or in its own (`RemoteCore`). */
export interface HostedCore<C> {
  core: C;
  dataDir: string;
  homeDir: string;
  /** Answers the next "choose a folder" dialogs, in order (null = the user cancelled). */
  folderAnswers: (string | null)[];
  /** What the host was asked to show in the OS file manager (main would call shell.showItemInFolder). */
  shownInFolder: string[];
  /** What the host was asked to put on the clipboard (main would call clipboard.writeText). */
  copied: string[];
  /** What the host was asked to open in the user's default app (main would call shell.openPath). */
  openedLocally: string[];
  dispose(): Promise<void>;
}

export type HeadlessCore = HostedCore<Core>;

export interface HeadlessCoreOptions {
  env?: NodeJS.ProcessEnv;
  /** Use this home (for ~/.aws and ~/.ssh) instead of a fresh empty one. */
  homeDir?: string;
  /** Answers "choose a folder"; by default the next entry of `folderAnswers`. */
  chooseFolder?: () => Promise<string | null>;
  /** Answers as main's session.resolveProxy would (the OS's proxy for a URL); absent: none asked. */
  resolveProxy?: (url: string) => Promise<string>;
}

/**
 * The real core on the given folders, in this process: what a test leaves out, a headless host
 * gives (a fresh in-memory secret box, no folder chosen, no OS abilities). HOME is the home given.
 */
export function createTestCore(host: Pick<CoreHost, 'dataDir' | 'homeDir'> & Partial<CoreHost>): Promise<Core> {
  return createCore({
    appVersion: packageVersion,
    platform: process.platform,
    secretBox: createHeadlessSecretBox(),
    dialogs: { chooseFolder: async () => null },
    ...host,
    env: { ...(host.env ?? process.env), HOME: host.homeDir },
  });
}

/** A real core with a fresh data folder (and home), as a test or the browser preview hosts it. */
export async function startHeadlessCore(options: HeadlessCoreOptions = {}): Promise<HeadlessCore> {
  const data = await makeTempDir('data');
  const home = options.homeDir ? { path: options.homeDir, remove: async () => undefined } : await makeTempDir('home');
  const folderAnswers: (string | null)[] = [];
  const copied: string[] = [];
  const core = await createTestCore({
    dataDir: data.path,
    homeDir: home.path,
    env: options.env,
    dialogs: { chooseFolder: options.chooseFolder ?? (async () => folderAnswers.shift() ?? null) },
    copyText: async (text) => void copied.push(text),
    ...(options.resolveProxy ? { resolveProxy: options.resolveProxy } : {}),
  });
  return hostedOn(core, data, home, folderAnswers, [], copied);
}

/** A core (in this process or its own) with its temp folders, and what stops it and removes them. */
export function hostedOn<C extends { shutdown(): Promise<void> }>(
  core: C,
  data: TempDir,
  home: TempDir,
  folderAnswers: (string | null)[],
  shownInFolder: string[] = [],
  copied: string[] = [],
  openedLocally: string[] = [],
): HostedCore<C> {
  return {
    core,
    dataDir: data.path,
    homeDir: home.path,
    folderAnswers,
    shownInFolder,
    copied,
    openedLocally,
    async dispose() {
      await core.shutdown();
      await data.remove();
      await home.remove();
    },
  };
}
