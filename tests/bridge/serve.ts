/**
 * `npm run dev:web`: the real renderer in any browser, wired to a real core through the
 * loopback bridge, against whatever servers you connect to. Development only.
 *   --port N        bridge port (default 5317)
 *   --seed FILE     save the connection drafts in FILE (a JSON array) first
 *   --downloads DIR where "choose a folder" lands (a browser cannot show a native picker)
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importConnections } from '../../electron/core/connections/importConnections.js';
import { prepareDragOut } from '../../electron/core/transfers/dragOut.js';
import { startHeadlessCore } from '../support/headlessCore.js';
import { startBridge } from './bridgeServer.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5317' },
    seed: { type: 'string' },
    downloads: { type: 'string', default: join(homedir(), 'Downloads') },
  },
});

const headless = await startHeadlessCore({ homeDir: homedir(), chooseFolder: async () => values.downloads ?? null });

if (values.seed) await importConnections(headless.core.connections, values.seed);

const rendererDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
// The core runs in this process here: drag-out preparations go straight to its queue.
// Quick Look's streams come straight from the in-process core's grants.
const previews = headless.core.previews.streams;
const core = {
  dispatch: headless.core.dispatch,
  events: headless.core.events,
  openPreview: (token: string, range: string | undefined) => previews.openStream(token, range),
  pullPreview: (stream: number) => previews.pull(stream),
  cancelPreview: (stream: number) => previews.cancel(stream),
};
const bridge = await startBridge(core, rendererDir, Number(values.port), {
  prepareDragOut: (request, root) => prepareDragOut(headless.core.transfers, request, root),
});
console.log(`Stowage (browser preview) is at:\n  ${bridge.url}\nDownloads go to ${values.downloads}. Ctrl+C stops it.`);

const stop = async () => {
  await bridge.close();
  await headless.dispose();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
