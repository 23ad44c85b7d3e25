/** The connection dialogs: the connection form, and the secret and host-key prompts of a connect. */
import type { ConnectSecrets, ConnectionSummary, HostKeyPrompt } from '../../../../shared/connections.js';
import { dialogSlot } from '../../lib/dialogSlot.js';

export type HostKeyDecision = 'trustOnce' | 'trustAndSave' | 'reject';

/** The connection form: `editId` null means "New connection". */
export const connectionFormDialog = dialogSlot<{ editId: string | null }>();
export const hostKeyDialog = dialogSlot<{ prompt: HostKeyPrompt }, HostKeyDecision>('reject');
export const secretDialog = dialogSlot<{ connection: ConnectionSummary }, ConnectSecrets | null>(null);

export const askSecret = (connection: ConnectionSummary) => secretDialog.open({ connection });
export const askHostKey = (prompt: HostKeyPrompt) => hostKeyDialog.open({ prompt });
export const openConnectionForm = (editId: string | null) => void connectionFormDialog.open({ editId });
