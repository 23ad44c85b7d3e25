/** A connect that failed for want of an IAM Identity Center sign-in offers the sign-in, then connects again. */
import type { ConnectionSummary } from '../../../../shared/connections.js';
import type { ApiError } from '../../api/client.js';
import { ssoSignInDialog } from './dialogs.js';

/** The core's sentences that mean "sign in (again)". */
const needsSignIn = new Set(['coreS3:session.ssoNotSignedIn', 'coreS3:session.ssoExpiredAt', 'coreS3:session.ssoExpired']);

/** True once the user signed in: the caller connects again. */
export async function signInAfter(summary: ConnectionSummary, error: ApiError): Promise<boolean> {
  if (summary.protocol !== 's3' || summary.auth.kind !== 'profile' || !error.code || !needsSignIn.has(error.code)) return false;
  const answer = await ssoSignInDialog.open({ profile: summary.auth.profile, signIn: true, choose: false });
  return answer !== null;
}
