import { PreferencesStore } from './app/preferences.js';
import { ConnectionStore } from './connections/connectionStore.js';
import { SessionManager } from './connections/sessionManager.js';
import type { ErrorTranslator } from './errors.js';
import { EventBus } from './events.js';
import type { CoreHost } from './host.js';
import { createDispatcher, type Dispatcher } from './ipc/dispatch.js';
import { createHandlers } from './ipc/handlers.js';
import { proxyPicker } from './net/proxyPicker.js';
import { s3ErrorTranslator } from './s3/s3Errors.js';
import { sftpErrorTranslator } from './sftp/index.js';
import { SyncPairStore } from './sync/syncPairStore.js';
import { SyncService } from './sync/syncService.js';
import { TransferQueue } from './transfers/transferQueue.js';
import { PreviewService } from './preview/previewService.js';

export interface Core {
  dispatch: Dispatcher;
  events: EventBus;
  sessions: SessionManager;
  transfers: TransferQueue;
  connections: ConnectionStore;
  /** Quick Look's grants and the streams the app's protocol pulls. */
  previews: PreviewService;
  shutdown(): Promise<void>;
}

export const errorTranslators: ErrorTranslator[] = [s3ErrorTranslator, sftpErrorTranslator];

/** Builds the whole core for a host: the core process main starts, the e2e bridge, or a test. */
export async function createCore(host: CoreHost, log: (line: string) => void = () => undefined): Promise<Core> {
  const events = new EventBus();
  const connections = new ConnectionStore(host.dataDir, host.secretBox);
  await connections.load();
  const env = host.env ?? process.env;
  const sessions = new SessionManager(connections, {
    dataDir: host.dataDir,
    homeDir: host.homeDir,
    env,
    proxyFor: proxyPicker(env, host.resolveProxy?.bind(host)),
  });
  const transfers = new TransferQueue(sessions, events, {
    translators: errorTranslators,
    dataDir: host.dataDir,
    connectionStorageClass: (id) => {
      const saved = connections.get(id);
      return saved.protocol === 's3' ? saved.defaultStorageClass : undefined;
    },
  });
  await transfers.restore();
  const preferences = new PreferencesStore(host.dataDir);
  await preferences.load();
  const syncPairs = new SyncPairStore(host.dataDir);
  await syncPairs.load();
  const sync = new SyncService(sessions, transfers, syncPairs, events);
  const previews = new PreviewService(sessions);
  const handlers = createHandlers({ host, events, connections, sessions, transfers, preferences, sync, previews });
  return {
    dispatch: createDispatcher(handlers, errorTranslators, log),
    events,
    sessions,
    transfers,
    connections,
    previews,
    async shutdown() {
      previews.dispose();
      await transfers.dispose();
      await sessions.closeAll();
    },
  };
}
