import { fileURLToPath } from 'node:url';
import { forkCoreProcess } from './forkCoreProcess.js';
import { startRemoteCore, type RemoteCore } from '../../electron/main/remoteCore.js';
import { signInPageOpener } from '../../electron/main/signInPage.js';
import { createHeadlessSecretBox, type HeadlessSecretBoxOptions } from '../bridge/headlessSecretBox.js';
import { hostedOn, type HostedCore } from './headlessCore.js';
import { packageVersion } from './appVersion.js';
import { makeTempDir } from './tempDir.js';

/** The app's core process, as main sees it; `openedSignInPages`: what main would have opened with shell.openExternal. */
export type CoreProcessHost = HostedCore<RemoteCore> & { openedSignInPages: string[] };

const outDir = process.env.STOWAGE_OUT_DIR || fileURLToPath(new URL('../../dist', import.meta.url));

/**
 * The app's own core process (the build's `main/coreProcess.cjs`, its V8 flags) on a fresh
 * data folder and home, hosted the way main hosts it: the e2e tests drive the same pipe.
 * `{ weak: true }` hosts it as on Linux without a keychain.
 */
export async function startCoreProcessHost(options: HeadlessSecretBoxOptions = {}): Promise<CoreProcessHost> {
  const data = await makeTempDir('data');
  const home = await makeTempDir('home');
  const folderAnswers: (string | null)[] = [];
  const shownInFolder: string[] = [];
  const copied: string[] = [];
  const openedLocally: string[] = [];
  const openedSignInPages: string[] = [];
  const core = await startRemoteCore(
    () => forkCoreProcess(`${outDir}/main/coreProcess.cjs`, { ...process.env, HOME: home.path }),
    {
      setup: { dataDir: data.path, homeDir: home.path, appVersion: packageVersion, platform: process.platform },
      secretBox: createHeadlessSecretBox(options),
      dialogs: { chooseFolder: async () => folderAnswers.shift() ?? null },
      showInFolder: async (path) => void shownInFolder.push(path),
      copyText: async (text) => void copied.push(text),
      openLocally: async (path) => void openedLocally.push(path),
      // Main's own check, then the page is noted instead of opened.
      openSignInPage: signInPageOpener(async (url) => void openedSignInPages.push(url)),
    },
    (line) => console.warn(line),
  );
  return { ...hostedOn(core, data, home, folderAnswers, shownInFolder, copied, openedLocally), openedSignInPages };
}
