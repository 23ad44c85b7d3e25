/**
 * Expired or revoked credentials mid-session: ask for fresh ones and hand them to the live
 * session (main swaps them in without closing it), so tabs and transfers stay as they are.
 */
import { connect } from '../connections/connect.js';
import { connectionById } from '../connections/connectionStore.js';
import { askSecret } from '../connections/dialogs.js';
import { refresh } from './navigation.js';

export async function reenterCredentials(connectionId: string): Promise<void> {
  const summary = connectionById(connectionId);
  if (!summary) return;
  // Profiles re-read ~/.aws (and ask for MFA again); keys and passwords are typed anew.
  const needsTyping = !(summary.protocol === 's3' && summary.auth.kind === 'profile') && !(summary.protocol === 'sftp' && summary.auth.kind === 'agent');
  let secrets;
  if (needsTyping) {
    secrets = await askSecret(summary);
    if (!secrets) return;
  }
  const result = await connect(connectionId, secrets ? { secrets } : {});
  if (result.ok) refresh(connectionId);
}
