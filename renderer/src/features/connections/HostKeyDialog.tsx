/** First contact with an SSH server (or a changed key): show the fingerprint, ask. */
import type { ReactNode } from 'react';
import type { HostKeyPrompt } from '../../../../shared/connections.js';
import { hostKeyDialog } from './dialogs.js';
import { ShieldIcon, WarningIcon } from '../../components/icons.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';

const withPrefix = (fingerprint: string) => (fingerprint.startsWith('SHA256:') ? fingerprint : `SHA256:${fingerprint}`);

/** The host and key type, then the fingerprint rows the caller adds. */
function KeyFacts({ where, keyType, children }: { where: string; keyType: string; children: ReactNode }) {
  return (
    <dl className="fingerprints">
      <dt>Host</dt>
      <dd className="mono">{where}</dd>
      <dt>Key type</dt>
      <dd className="mono">{keyType}</dd>
      {children}
    </dl>
  );
}

export function HostKeyDialog({ prompt }: { prompt: HostKeyPrompt }) {
  const answer = hostKeyDialog.answer;
  const where = prompt.port === 22 ? prompt.host : `${prompt.host}:${prompt.port}`;

  if (prompt.changedFrom) {
    const refusal = prompt.refusal ?? '';
    const command = prompt.removalCommand && refusal.endsWith(prompt.removalCommand) ? prompt.removalCommand : undefined;
    return (
      <Modal
        title="Host key changed"
        className="hostkey-dialog changed"
        icon={<WarningIcon size={22} />}
        onCancel={() => answer('reject')}
      >
        <div className="modal-body">
          {/* The core's sentence: what changed, that it may be an attack, how to remove the old entry. */}
          <div className="danger-box">
            <p className="selectable">{command ? refusal.slice(0, -command.length).trimEnd() : refusal}</p>
            {command ? <code className="command selectable">{command}</code> : null}
          </div>
          <KeyFacts where={where} keyType={prompt.keyType}>
            <dt>Saved key</dt>
            <dd className="mono selectable">{withPrefix(prompt.changedFrom)}</dd>
            <dt>Key offered now</dt>
            <dd className="mono selectable">{withPrefix(prompt.fingerprintSha256)}</dd>
          </KeyFacts>
        </div>
        <ModalFooter>
          <button type="button" className="btn btn-primary" data-autofocus onClick={() => answer('reject')}>
            Close
          </button>
        </ModalFooter>
      </Modal>
    );
  }

  return (
    <Modal
      title="Unknown host"
      className="hostkey-dialog"
      icon={<ShieldIcon size={22} />}
      onCancel={() => answer('reject')}
      initialFocus="[data-autofocus]"
    >
      <div className="modal-body">
        <p>
          The authenticity of this host can’t be established. Stowage has not connected to{' '}
          <strong className="mono">{where}</strong> before.
        </p>
        <KeyFacts where={where} keyType={prompt.keyType}>
          <dt>Fingerprint</dt>
          <dd className="mono selectable fingerprint">{withPrefix(prompt.fingerprintSha256)}</dd>
        </KeyFacts>
        <p className="muted">
          Compare the fingerprint with the one your administrator or hosting provider published (for example with{' '}
          <code>ssh-keygen -lf</code> on the server). Only continue if they match.
        </p>
      </div>
      <ModalFooter>
        <button type="button" className="btn" data-autofocus onClick={() => answer('reject')}>
          Cancel
        </button>
        <button type="button" className="btn" onClick={() => answer('trustOnce')}>
          Trust once
        </button>
        <button type="button" className="btn btn-primary" onClick={() => answer('trustAndSave')}>
          Trust and save
        </button>
      </ModalFooter>
    </Modal>
  );
}
