import { z } from 'zod';
import {
  connectionDraftSchema,
  connectSecretsSchema,
  type ConnectionSummary,
  type ConnectOutcome,
} from '../connections.js';
import type { IpcError } from '../errors.js';
import type { AwsProfileInfo } from '../s3Objects.js';
import { event, op } from './define.js';
import { id, localPath, nothing } from './fields.js';
import type { ImportOutcome, ImportPreview } from '../bookmarkImport.js';

export const connectionOperations = {
  'connections:list': op<ConnectionSummary[]>()(nothing),
  'connections:save': op<ConnectionSummary>()(z.object({ draft: connectionDraftSchema })),
  'connections:delete': op<void>()(z.object({ id })),
  /** `copyWord`: "copy" in the window's language, for the new name ("Prod (copy)"). */
  'connections:duplicate': op<ConnectionSummary>()(z.object({ id, copyWord: z.string().min(1).max(40).optional() })),
  /** Profiles of ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). */
  'connections:awsProfiles': op<AwsProfileInfo[]>()(nothing),
  /**
   * `secrets`: typed now. `remember`: once the server accepted them, save them (true) or
   * save none any more (false); absent, they last this run. A refused secret is never saved.
   */
  'connections:connect': op<ConnectOutcome>()(z.object({ id, secrets: connectSecretsSchema, remember: z.boolean().optional() })),
  'connections:answerHostKey': op<ConnectOutcome>()(
    z.object({ promptId: id, decision: z.enum(['trustOnce', 'trustAndSave', 'reject']) }),
  ),
  'connections:disconnect': op<void>()(z.object({ id })),
  /**
   * Reads bookmark files of other tools (Cyberduck `.duck` files or their folder, FileZilla's
   * sitemanager.xml, WinSCP.ini, rclone.conf) the user picked: what they hold, without secrets.
   */
  'connections:previewImport': op<ImportPreview>()(z.object({ paths: z.array(localPath).min(1).max(100) })),
  /** Saves the ticked rows of that preview (their secrets sealed at once). */
  'connections:commitImport': op<ImportOutcome>()(z.object({ previewId: id, ids: z.array(id).max(10_000) })),
};

export const connectionEvents = {
  'connections:changed': event<ConnectionSummary[]>(),
  'connections:lost': event<{ connectionId: string; error: IpcError }>(),
};
