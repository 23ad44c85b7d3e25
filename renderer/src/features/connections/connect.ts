/**
 * Connecting: ask for a secret if one is needed, walk through host-key prompts, then
 * open the browser at the connection's home (or where the last session left it). Also
 * disconnect and delete.
 */
import { typesSecret, type ConnectOutcome, type ConnectSecrets } from '../../../../shared/connections.js';
import { ApiError, api, toApiError, unwrap } from '../../api/client.js';
import { useBrowser } from '../browser/browserStore.js';
import { connectionById, useConnections } from './connectionStore.js';
import { askMfaCode } from '../s3/dialogs.js';
import { askPassphraseAfter, showConnectWarnings } from '../sftp/connectHelpers.js';
import { askConfirm } from '../../state/dialogs.js';
import { askSecretAgain, askSecretToConnect, askHostKey } from './dialogs.js';
import { signInAfter } from './ssoReconnect.js';
import { openWhereLeft } from '../panes/resumeFolders.js';
import { showError, showFailure } from '../../state/toasts.js';
import { t } from '../../i18n/i18n.js';

export type ConnectResult =
  | { ok: true; homePath: string }
  | { ok: false; error: ApiError }
  | { ok: false; cancelled: true };

interface ConnectOptions {
  /** Secrets just typed (in the form, or a prompt). */
  secrets?: ConnectSecrets;
  /** Save the typed secrets once the server accepts them (true), or save none any more (false). */
  remember?: boolean;
  /** The caller shows errors itself (the connection form); otherwise the main pane or a toast does. */
  quiet?: boolean;
}

const inFlight = new Map<string, Promise<ConnectResult>>();

export function connect(id: string, options: ConnectOptions = {}): Promise<ConnectResult> {
  const running = inFlight.get(id);
  if (running) return running;
  const attempt = run(id, options).finally(() => inFlight.delete(id));
  inFlight.set(id, attempt);
  return attempt;
}

async function run(id: string, options: ConnectOptions): Promise<ConnectResult> {
  const store = useConnections.getState();
  const summary = connectionById(id);
  if (!summary) return { ok: false, error: new ApiError({ kind: 'notFound', message: t('connections:connect.gone') }) };
  store.setActive(id);
  store.setLink(id, { state: 'connecting' });

  let secrets = options.secrets;
  let remember = secrets ? options.remember : undefined;
  if (!secrets && summary.needsSecretAtConnect) {
    const typed = await askSecretToConnect(summary);
    if (!typed) {
      store.setLink(id, { state: 'idle' });
      return { ok: false, cancelled: true };
    }
    secrets = typed.secrets;
    remember = typed.remember;
  }

  try {
    let outcome: ConnectOutcome = await unwrap(
      api().connections.connect(secrets ? { id, secrets, ...(remember === undefined ? {} : { remember }) } : { id }),
    );
    while (outcome.state === 'hostKeyPrompt') {
      const { prompt } = outcome;
      const decision = await askHostKey(prompt);
      if (decision === 'reject' || prompt.changedFrom) {
        // Tell main we walked away; it may already have refused (changed key).
        await api().connections.answerHostKey({ promptId: prompt.promptId, decision: 'reject' }).catch(() => undefined);
        store.setLink(id, { state: 'idle' });
        return { ok: false, cancelled: true };
      }
      outcome = await unwrap(api().connections.answerHostKey({ promptId: prompt.promptId, decision }));
    }
    while (outcome.state === 'mfaPrompt') {
      const code = await askMfaCode(summary.name, outcome.profile, outcome.mfaSerial);
      if (!code) {
        store.setLink(id, { state: 'idle' });
        return { ok: false, cancelled: true };
      }
      outcome = await unwrap(api().connections.connect({ id, secrets: { ...secrets, mfaCode: code }, ...(remember === undefined ? {} : { remember }) }));
      if (outcome.state === 'hostKeyPrompt') throw new ApiError({ kind: 'internal', message: t('connections:connect.unexpectedHostKey') });
    }
    if (outcome.state === 'credentialsRefused') {
      // Asked again in place, as Cyberduck does. Nothing refused was saved: Cancel leaves the saved secret as it was.
      const { message, code, params } = outcome;
      const again = typesSecret(summary) ? await askSecretAgain(summary, { message, code, params }, remember ?? summary.rememberSecret) : null;
      if (again) return await run(id, { ...options, secrets: again.secrets, remember: again.remember });
      throw new ApiError({ kind: 'auth', message, ...(code && { code }), ...(params && { params }) });
    }
    useConnections.getState().setLink(id, { state: 'connected', homePath: outcome.homePath });
    showConnectWarnings(summary, outcome.warnings);
    void openWhereLeft(id, summary.protocol, outcome.homePath);
    return { ok: true, homePath: outcome.homePath };
  } catch (caught) {
    const error = toApiError(caught);
    const withPassphrase = await askPassphraseAfter(summary, error);
    if (withPassphrase) return run(id, { ...options, secrets: { ...secrets, ...withPassphrase } });
    if (await signInAfter(summary, error)) return run(id, options);
    if (error.kind === 'cancelled') {
      store.setLink(id, { state: 'idle' });
      return { ok: false, cancelled: true };
    }
    const shownInPane = !options.quiet && useConnections.getState().activeId === id;
    useConnections.getState().setLink(id, shownInPane ? { state: 'idle', error: error.message } : { state: 'idle' });
    if (!options.quiet && !shownInPane) showError(error.message, t('connections:connect.couldNotConnect', { name: summary.name }));
    return { ok: false, error };
  }
}

export async function disconnect(id: string): Promise<void> {
  try {
    await unwrap(api().connections.disconnect({ id }));
  } catch (caught) {
    showFailure(caught);
  }
  useConnections.getState().setLink(id, { state: 'idle' });
  useBrowser.getState().drop(id);
}

export async function deleteConnection(id: string): Promise<void> {
  const summary = connectionById(id);
  if (!summary) return;
  const ok = await askConfirm({
    title: t('connections:connect.deleteTitle'),
    message: t('connections:connect.deleteMessage', { name: summary.name }),
    confirmLabel: t('connections:connect.delete'),
    danger: true,
  });
  if (!ok) return;
  try {
    if (useConnections.getState().links[id]?.state === 'connected') await disconnect(id);
    await unwrap(api().connections.delete({ id }));
    useConnections.getState().remove(id);
    useBrowser.getState().drop(id);
  } catch (caught) {
    showFailure(caught, t('connections:connect.couldNotDelete'));
  }
}

/** Saves a copy of a connection (with its saved secret) and selects it. */
export async function duplicateConnection(id: string): Promise<void> {
  try {
    const copy = await unwrap(api().connections.duplicate({ id, copyWord: t('connections:duplicateCopyWord') }));
    useConnections.getState().upsert(copy);
    useConnections.getState().setActive(copy.id);
  } catch (caught) {
    showFailure(caught, t('connections:connect.couldNotDuplicate'));
  }
}

/** Opens a connection in the main pane: shows it if live, connects otherwise. */
export function activate(id: string): void {
  const link = useConnections.getState().links[id];
  useConnections.getState().setActive(id);
  if (link?.state === 'connected' || link?.state === 'connecting') return;
  void connect(id);
}
