import { useEffect, useState } from 'react';
import type { Encryption } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { useSave } from './useSave.js';

const labels: Record<Encryption['kind'], string> = {
  none: 'None',
  'SSE-S3': 'SSE-S3 (keys managed by S3)',
  'SSE-KMS': 'SSE-KMS (a KMS key you choose)',
};

export function EncryptionPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const current: Encryption = settings.encryption.supported ? settings.encryption.value : { kind: 'none' };
  const [kind, setKind] = useState(current.kind);
  const [keyId, setKeyId] = useState(current.kind === 'SSE-KMS' ? (current.keyId ?? '') : '');
  useEffect(() => setKind(current.kind), [current.kind]);
  const save = useSave(reload);
  const build = (): Encryption => (kind === 'SSE-KMS' ? { kind, ...(keyId.trim() ? { keyId: keyId.trim() } : {}), bucketKey: true } : { kind });
  return (
    <PanelFrame title="Default encryption" explanation="Encrypts every new object at rest unless the upload asks for something else." panel={settings.encryption}>
      {(enc) => (
        <div className="bucket-panel-body">
          <p>
            Now: <span className="bucket-badge neutral">{labels[enc.kind]}</span>
            {enc.kind === 'SSE-KMS' && enc.keyId ? <code className="bucket-endpoint">{enc.keyId}</code> : null}
          </p>
          <div className="bucket-fields">
            <label>
              Encryption
              <select className="select" aria-label="Encryption" value={kind} onChange={(e) => setKind(e.currentTarget.value as Encryption['kind'])}>
                {(Object.keys(labels) as Encryption['kind'][]).map((k) => (
                  <option key={k} value={k}>
                    {labels[k]}
                  </option>
                ))}
              </select>
            </label>
            {kind === 'SSE-KMS' ? (
              <label>
                <span>
                  KMS key id or ARN <small>(empty: the AWS managed key aws/s3)</small>
                </span>
                <input className="input mono" value={keyId} onChange={(e) => setKeyId(e.currentTarget.value)} />
              </label>
            ) : null}
          </div>
          <div className="bucket-actions">
            <button type="button" className="btn btn-primary" disabled={save.busy} onClick={() => void save.run(() => unwrap(api().buckets.setEncryption({ connectionId, bucket, encryption: build() })))}>
              Save encryption
            </button>
          </div>
          <SaveState {...save.state} />
        </div>
      )}
    </PanelFrame>
  );
}
