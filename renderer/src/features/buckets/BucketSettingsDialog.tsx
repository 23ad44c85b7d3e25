/** The bucket settings view: a list of settings on the left, one panel at a time on the right. */
import { useCallback, useEffect, useState, type ComponentType } from 'react';
import type { BucketSettings } from '../../../../shared/buckets.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { bucketSettingsDialog, openDeleteBucket } from './dialogs.js';
import { CorsPanel } from './CorsPanel.js';
import { EncryptionPanel } from './EncryptionPanel.js';
import { LifecyclePanel } from './LifecyclePanel.js';
import { LoggingPanel } from './LoggingPanel.js';
import type { PanelProps } from './panelProps.js';
import { PolicyPanel } from './PolicyPanel.js';
import { PublicAccessPanel, PublicStatusBadge } from './PublicAccessPanel.js';
import { RequesterPaysPanel } from './RequesterPaysPanel.js';
import { TagsPanel } from './TagsPanel.js';
import { VersioningPanel } from './VersioningPanel.js';
import { WebsitePanel } from './WebsitePanel.js';

const panels: { id: string; label: string; Component: ComponentType<PanelProps> }[] = [
  { id: 'versioning', label: 'Versioning', Component: VersioningPanel },
  { id: 'public', label: 'Public access', Component: PublicAccessPanel },
  { id: 'website', label: 'Website hosting', Component: WebsitePanel },
  { id: 'lifecycle', label: 'Lifecycle rules', Component: LifecyclePanel },
  { id: 'encryption', label: 'Default encryption', Component: EncryptionPanel },
  { id: 'policy', label: 'Bucket policy', Component: PolicyPanel },
  { id: 'cors', label: 'CORS', Component: CorsPanel },
  { id: 'tags', label: 'Tags', Component: TagsPanel },
  { id: 'logging', label: 'Access logging', Component: LoggingPanel },
  { id: 'requesterPays', label: 'Requester pays', Component: RequesterPaysPanel },
];

export function BucketSettingsDialog({ connectionId, bucket }: { connectionId: string; bucket: string }) {
  const [settings, setSettings] = useState<BucketSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(panels[0]!.id);
  const close = bucketSettingsDialog.close;
  const reload = useCallback(async () => {
    try {
      setSettings(await unwrap(api().buckets.settings({ connectionId, bucket })));
      setError(null);
    } catch (caught) {
      setError(toApiError(caught).message);
    }
  }, [connectionId, bucket]);
  useEffect(() => void reload(), [reload]);
  const panel = panels.find((p) => p.id === active)!;

  return (
    <Modal title={`Bucket settings — ${bucket}`} onCancel={close} className="bucket-settings-dialog">
      <div className="bucket-settings">
        <nav className="bucket-nav" aria-label="Bucket settings">
          {panels.map((p) => (
            <button
              key={p.id}
              type="button"
              className={p.id === active ? 'bucket-nav-item active' : 'bucket-nav-item'}
              aria-current={p.id === active ? 'page' : undefined}
              onClick={() => setActive(p.id)}
            >
              {p.label}
              {settings && !(settings as unknown as Record<string, { supported: boolean }>)[settingKey(p.id)]?.supported ? (
                <span className="bucket-nav-dim" title="Not available">—</span>
              ) : null}
            </button>
          ))}
        </nav>
        <div className="bucket-content">
          {settings ? (
            <>
              <div className="bucket-summary">
                <span>Region: {settings.region}</span>
                <PublicStatusBadge settings={settings} />
              </div>
              <panel.Component connectionId={connectionId} bucket={bucket} settings={settings} reload={reload} />
            </>
          ) : error ? (
            <div className="alert" role="alert">
              {error}
            </div>
          ) : (
            <p className="bucket-note">Reading the bucket's settings…</p>
          )}
        </div>
      </div>
      <ModalFooter
        start={
          <button type="button" className="btn btn-link danger-link" onClick={() => openDeleteBucket(connectionId, bucket)}>
            Delete bucket…
          </button>
        }
      >
        <button type="button" className="btn" onClick={close}>
          Done
        </button>
      </ModalFooter>
    </Modal>
  );
}

function settingKey(panelId: string): keyof BucketSettings {
  const keys: Record<string, keyof BucketSettings> = {
    versioning: 'versioning',
    public: 'publicAccessBlock',
    website: 'website',
    lifecycle: 'lifecycle',
    encryption: 'encryption',
    policy: 'policy',
    cors: 'cors',
    tags: 'tags',
    logging: 'logging',
    requesterPays: 'requesterPays',
  };
  return keys[panelId]!;
}
