import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Encryption } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { useUnsavedChanges } from './unsavedChanges.js';
import { useSave } from './useSave.js';

const labels: Record<Encryption['kind'], string> = {
  none: 'buckets:encryption.kind.none',
  'SSE-S3': 'buckets:encryption.kind.sseS3',
  'SSE-KMS': 'buckets:encryption.kind.sseKms',
};

export function EncryptionPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const { t } = useTranslation();
  const current: Encryption = settings.encryption.supported ? settings.encryption.value : { kind: 'none' };
  const [kind, setKind] = useState(current.kind);
  const [keyId, setKeyId] = useState(current.kind === 'SSE-KMS' ? (current.keyId ?? '') : '');
  useEffect(() => setKind(current.kind), [current.kind]);
  const save = useSave(reload);
  const build = (): Encryption => (kind === 'SSE-KMS' ? { kind, ...(keyId.trim() ? { keyId: keyId.trim() } : {}), bucketKey: true } : { kind });
  const savedKeyId = current.kind === 'SSE-KMS' ? (current.keyId ?? '') : '';
  const write = () => save.run(() => unwrap(api().buckets.setEncryption({ connectionId, bucket, encryption: build() })));
  useUnsavedChanges(kind !== current.kind || (kind === 'SSE-KMS' && keyId.trim() !== savedKeyId), {
    canSave: true,
    save: write,
    discard: () => {
      setKind(current.kind);
      setKeyId(savedKeyId);
    },
  });
  return (
    <PanelFrame title={t('buckets:encryption.title')} explanation={t('buckets:encryption.explanation')} panel={settings.encryption}>
      {(enc) => (
        <div className="bucket-panel-body">
          <p>
            {t('buckets:now')} <span className="bucket-badge neutral">{t(labels[enc.kind])}</span>
            {enc.kind === 'SSE-KMS' && enc.keyId ? <code className="bucket-endpoint">{enc.keyId}</code> : null}
          </p>
          <div className="bucket-fields">
            <label>
              {t('buckets:encryption.label')}
              <select className="select" aria-label={t('buckets:encryption.label')} value={kind} onChange={(e) => setKind(e.currentTarget.value as Encryption['kind'])}>
                {(Object.keys(labels) as Encryption['kind'][]).map((k) => (
                  <option key={k} value={k}>
                    {t(labels[k])}
                  </option>
                ))}
              </select>
            </label>
            {kind === 'SSE-KMS' ? (
              <label>
                <span>
                  {t('buckets:encryption.keyId')} <small>{t('buckets:encryption.keyIdHint')}</small>
                </span>
                <input className="input mono" aria-label={t('buckets:encryption.keyId')} value={keyId} onChange={(e) => setKeyId(e.currentTarget.value)} />
              </label>
            ) : null}
          </div>
          <div className="bucket-actions">
            <button type="button" className="btn btn-primary" disabled={save.busy} onClick={() => void write()}>
              {t('buckets:encryption.save')}
            </button>
          </div>
          <SaveState {...save.state} />
        </div>
      )}
    </PanelFrame>
  );
}
