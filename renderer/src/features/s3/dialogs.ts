/** Asks for a code from the MFA device when an assume-role profile needs one. */
import { dialogSlot } from '../../lib/dialogSlot.js';

export interface MfaQuestion {
  connectionName: string;
  profile: string;
  mfaSerial: string;
}

export const mfaDialog = dialogSlot<MfaQuestion, string | null>(null);

export const askMfaCode = (connectionName: string, profile: string, mfaSerial: string) => mfaDialog.open({ connectionName, profile, mfaSerial });
