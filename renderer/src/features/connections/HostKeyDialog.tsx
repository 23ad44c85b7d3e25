/** First contact with an SSH server (or a changed key): show the fingerprint, ask. */
import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { HostKeyPrompt } from '../../../../shared/connections.js';
import { hostKeyDialog } from './dialogs.js';
import { ShieldIcon, WarningIcon } from '../../components/icons.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { coreText } from './coreText.js';

const withPrefix = (fingerprint: string) => (fingerprint.startsWith('SHA256:') ? fingerprint : `SHA256:${fingerprint}`);

/** The host and key type, then the fingerprint rows the caller adds. */
function KeyFacts({ where, keyType, children }: { where: string; keyType: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <dl className="fingerprints">
      <dt>{t('connections:hostKey.host')}</dt>
      <dd className="mono" data-user-text>{where}</dd>
      <dt>{t('connections:hostKey.keyType')}</dt>
      <dd className="mono">{keyType}</dd>
      {children}
    </dl>
  );
}

export function HostKeyDialog({ prompt }: { prompt: HostKeyPrompt }) {
  const { t } = useTranslation();
  const answer = hostKeyDialog.answer;
  const where = prompt.port === 22 ? prompt.host : `${prompt.host}:${prompt.port}`;

  if (prompt.changedFrom) {
    const refusal = coreText(prompt.refusal ?? '', prompt.refusalCode, prompt.refusalParams);
    const command = prompt.removalCommand && refusal.endsWith(prompt.removalCommand) ? prompt.removalCommand : undefined;
    return (
      <Modal
        title={t('connections:hostKey.changedTitle')}
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
            <dt>{t('connections:hostKey.savedKey')}</dt>
            <dd className="mono selectable">{withPrefix(prompt.changedFrom)}</dd>
            <dt>{t('connections:hostKey.offeredKey')}</dt>
            <dd className="mono selectable">{withPrefix(prompt.fingerprintSha256)}</dd>
          </KeyFacts>
        </div>
        <ModalFooter>
          <button type="button" className="btn btn-primary" data-autofocus onClick={() => answer('reject')}>
            {t('connections:hostKey.close')}
          </button>
        </ModalFooter>
      </Modal>
    );
  }

  return (
    <Modal
      title={t('connections:hostKey.unknownTitle')}
      className="hostkey-dialog"
      icon={<ShieldIcon size={22} />}
      onCancel={() => answer('reject')}
      initialFocus="[data-autofocus]"
    >
      <div className="modal-body">
        <p>
          <Trans i18nKey="connections:hostKey.unknownIntro" values={{ where }} components={{ 1: <strong className="mono" data-user-text /> }} />
        </p>
        <KeyFacts where={where} keyType={prompt.keyType}>
          <dt>{t('connections:hostKey.fingerprint')}</dt>
          <dd className="mono selectable fingerprint">{withPrefix(prompt.fingerprintSha256)}</dd>
        </KeyFacts>
        <p className="muted">
          <Trans i18nKey="connections:hostKey.compare" components={{ 1: <code /> }} />
        </p>
      </div>
      <ModalFooter>
        <button type="button" className="btn" data-autofocus onClick={() => answer('reject')}>
          {t('connections:hostKey.cancel')}
        </button>
        <button type="button" className="btn" onClick={() => answer('trustOnce')}>
          {t('connections:hostKey.trustOnce')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => answer('trustAndSave')}>
          {t('connections:hostKey.trustAndSave')}
        </button>
      </ModalFooter>
    </Modal>
  );
}
