/** Asks for a code from the MFA device when an assume-role profile needs one. */
import { create } from 'zustand';

export interface MfaQuestion {
  connectionName: string;
  profile: string;
  mfaSerial: string;
  resolve(code: string | null): void;
}

export const useMfaPrompt = create<{ question: MfaQuestion | null }>()(() => ({ question: null }));

export function askMfaCode(connectionName: string, profile: string, mfaSerial: string): Promise<string | null> {
  useMfaPrompt.getState().question?.resolve(null);
  return new Promise((resolve) => useMfaPrompt.setState({ question: { connectionName, profile, mfaSerial, resolve } }));
}

export function answerMfa(code: string | null): void {
  const pending = useMfaPrompt.getState().question;
  useMfaPrompt.setState({ question: null });
  pending?.resolve(code);
}
