/** The connection dialogs: the connection form, and the secret and host-key prompts of a connect. */
import type { ConnectSecrets, ConnectionSummary, HostKeyPrompt } from '../../../../shared/connections.js';
import type { MessageParams } from '../../../../shared/errors.js';
import { dialogSlot } from '../../lib/dialogSlot.js';

export type HostKeyDecision = 'trustOnce' | 'trustAndSave' | 'reject';

/** The server's refusal of a secret: its English sentence and catalog key. */
export interface Refusal {
  message: string;
  code?: string;
  params?: MessageParams;
}

/** The secret prompt: `refused` is the server's refusal when it asks again after a failed login. */
export interface SecretPromptArgs {
  connection: ConnectionSummary;
  refused?: Refusal;
  /** Whether its "Save" box starts checked; without it the box is not shown (a secret for this session only). */
  remember?: boolean;
}

/** What the secret prompt answers: the secrets, and (with its "Save" box) whether to save them once they work. */
export interface SecretAnswer {
  secrets: NonNullable<ConnectSecrets>;
  remember?: boolean;
}

/** The connection form: `editId` null means "New connection". */
export const connectionFormDialog = dialogSlot<{ editId: string | null }>();
export const hostKeyDialog = dialogSlot<{ prompt: HostKeyPrompt }, HostKeyDecision>('reject');
export const secretDialog = dialogSlot<SecretPromptArgs, SecretAnswer | null>(null);
/** An IAM Identity Center account and role, as picked after signing in. */
export interface SsoPick {
  accountId: string;
  roleName: string;
}

/** Signing in to IAM Identity Center for an AWS profile (`signIn` false: only choose the account and role). */
export interface SsoSignInArgs {
  profile: string;
  signIn: boolean;
  /** Chosen first in the pickers: the connection's pick, else the profile's own. */
  initial?: Partial<SsoPick>;
  /** False: answer as soon as the sign-in is done, without the pickers (a connect that only needs a fresh sign-in). */
  choose?: boolean;
}

/** Answers the picked account and role, or null when the user cancelled. */
export const ssoSignInDialog = dialogSlot<SsoSignInArgs, SsoPick | null>(null);
/** Import bookmarks from other tools: pick files, preview, import the ticked ones. */
export const importBookmarksDialog = dialogSlot<Record<string, never>>();

export const askSecret = (connection: ConnectionSummary): Promise<ConnectSecrets | null> =>
  secretDialog.open({ connection }).then((answer) => answer?.secrets ?? null);
/** Connecting without a saved secret: asked for, with a "Save" box (checked when the connection remembers its secret). */
export const askSecretToConnect = (connection: ConnectionSummary) =>
  secretDialog.open({ connection, remember: connection.rememberSecret });
/** After the server refused the credentials: the secret again, in place, with a "Save" box. */
export const askSecretAgain = (connection: ConnectionSummary, refused: Refusal, remember: boolean) =>
  secretDialog.open({ connection, refused, remember });
export const askHostKey = (prompt: HostKeyPrompt) => hostKeyDialog.open({ prompt });
export const openConnectionForm = (editId: string | null) => void connectionFormDialog.open({ editId });
export const openImportBookmarks = () => void importBookmarksDialog.open({});
