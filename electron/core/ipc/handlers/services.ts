import type { ConnectionStore } from '../../connections/connectionStore.js';
import type { SessionManager } from '../../connections/sessionManager.js';
import type { EventBus } from '../../events.js';
import type { CoreHost } from '../../host.js';
import type { TransferQueue } from '../../transfers/transferQueue.js';
import type { PreferencesStore } from '../../app/preferences.js';
import type { SyncService } from '../../sync/syncService.js';
import type { PreviewService } from '../../preview/previewService.js';

/** What handlers may use: the core's services, built once in createCore. */
export interface Services {
  host: CoreHost;
  events: EventBus;
  connections: ConnectionStore;
  sessions: SessionManager;
  transfers: TransferQueue;
  preferences: PreferencesStore;
  sync: SyncService;
  previews: PreviewService;
}
