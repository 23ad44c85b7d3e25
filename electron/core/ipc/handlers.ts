import type { Handlers } from './dispatch.js';
import { appHandlers } from './handlers/app.js';
import { bucketHandlers } from './handlers/buckets.js';
import { connectionHandlers } from './handlers/connections.js';
import { fsHandlers } from './handlers/fs.js';
import { s3Handlers } from './handlers/s3.js';
import { searchHandlers } from './handlers/search.js';
import type { Services } from './handlers/services.js';
import { sftpHandlers } from './handlers/sftp.js';
import { ssoHandlers } from './handlers/sso.js';
import { syncHandlers } from './handlers/sync.js';
import { transferHandlers } from './handlers/transfers.js';
import { previewHandlers } from './handlers/preview.js';

export type { Services } from './handlers/services.js';

/** Every operation's handler, one file per domain (the same split as shared/contract/). */
export function createHandlers(services: Services): Handlers {
  return {
    ...appHandlers(services),
    ...connectionHandlers(services),
    ...fsHandlers(services),
    ...s3Handlers(services),
    ...bucketHandlers(services),
    ...sftpHandlers(services),
    ...transferHandlers(services),
    ...syncHandlers(services),
    ...searchHandlers(services),
    ...ssoHandlers(services),
    ...previewHandlers(services),
  };
}
